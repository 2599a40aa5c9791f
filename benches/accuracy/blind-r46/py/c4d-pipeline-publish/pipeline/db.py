import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(
    os.environ.get("ACME_PIPELINE_DB", "postgresql+psycopg2://pipeline@db.acme.lan/pipeline"),
    pool_size=2,
    max_overflow=2,
    pool_pre_ping=True,
)
SessionLocal = sessionmaker(bind=engine)


def record_publish(shot_code, path, artist):
    session = SessionLocal()
    locked = session.execute(
        text("SELECT locked FROM shots WHERE code = :code"), {"code": shot_code}
    ).scalar_one_or_none()
    if locked:
        return None

    version = session.execute(
        text(
            "INSERT INTO publishes (shot_code, path, artist, version) "
            "SELECT :code, :path, :artist, COALESCE(MAX(version), 0) + 1 "
            "FROM publishes WHERE shot_code = :code RETURNING version"
        ),
        {"code": shot_code, "path": path, "artist": artist},
    ).scalar_one()
    session.commit()
    session.close()
    return version


def latest_version(shot_code):
    with SessionLocal() as session:
        return session.execute(
            text("SELECT MAX(version) FROM publishes WHERE shot_code = :code"),
            {"code": shot_code},
        ).scalar_one_or_none()
