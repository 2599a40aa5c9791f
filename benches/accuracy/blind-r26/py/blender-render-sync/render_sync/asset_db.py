"""Shot/asset tracking tables in the studio Postgres."""
import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

STUDIO_DB_URL = os.environ.get(
    "STUDIO_DB_URL", "postgresql+psycopg2://pipeline:pipeline@db.studio.lan:5432/studio"
)

engine = create_engine(STUDIO_DB_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


def shot_exists(shot_code):
    with SessionLocal() as session:
        row = session.execute(
            text("SELECT 1 FROM shots WHERE code = :code"), {"code": shot_code}
        ).first()
        return row is not None


def set_shot_status(shot_code, status, artist):
    with SessionLocal.begin() as session:
        session.execute(
            text(
                "UPDATE shots SET status = :status, updated_by = :artist, "
                "updated_at = now() WHERE code = :code"
            ),
            {"status": status, "artist": artist, "code": shot_code},
        )


def record_upload(shot_code, frame, key):
    with SessionLocal.begin() as session:
        session.execute(
            text(
                "INSERT INTO render_uploads (shot_code, frame, s3_key) "
                "VALUES (:shot, :frame, :key)"
            ),
            {"shot": shot_code, "frame": frame, "key": key},
        )
