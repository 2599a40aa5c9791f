import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

DB_URL = os.environ.get("SCANS_DB_URL", "mysql+pymysql://scans:scans@mysql.lan:3306/scans")


def make_engine():
    """Factory: each process that needs the database calls this once."""
    return create_engine(DB_URL, pool_size=3, max_overflow=2, pool_recycle=1800)


def make_sessionmaker(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)


def record_scan(Session, bucket, key, size, sha256):
    with Session.begin() as session:
        session.execute(
            text(
                "INSERT INTO scans (bucket, s3_key, size_bytes, sha256) "
                "VALUES (:bucket, :key, :size, :sha) "
                "ON DUPLICATE KEY UPDATE size_bytes = VALUES(size_bytes)"
            ),
            {"bucket": bucket, "key": key, "size": size, "sha": sha256},
        )
