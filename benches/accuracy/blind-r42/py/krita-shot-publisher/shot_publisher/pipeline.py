"""Pipeline database access. Imported once when Krita loads the plugin."""
import functools
import os
import re
from datetime import datetime, timezone

import boto3
from sqlalchemy import DateTime, Integer, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

PIPELINE_DB = os.environ.get("STUDIO_PIPELINE_DB", "postgresql+psycopg2://artist@pipeline-db/pipeline")
BUCKET = os.environ.get("STUDIO_FRAMES_BUCKET", "studio-paintovers")

engine = create_engine(PIPELINE_DB, pool_size=2, max_overflow=0, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)

SHOT_RE = re.compile(r"(?P<show>[a-z]{3})_(?P<seq>\d{3})_(?P<shot>\d{4})_paintover", re.I)


class Base(DeclarativeBase):
    pass


class PublishedVersion(Base):
    __tablename__ = "published_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show: Mapped[str] = mapped_column(String(8))
    shot: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    s3_key: Mapped[str] = mapped_column(String(512))
    artist: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))


def parse_shot(path):
    match = SHOT_RE.search(os.path.basename(path))
    if not match:
        return None
    return match["show"].lower(), f"{match['seq']}_{match['shot']}"


def next_version(session, show, shot):
    current = session.scalar(
        select(func.max(PublishedVersion.version)).where(PublishedVersion.show == show, PublishedVersion.shot == shot)
    )
    return (current or 0) + 1


@functools.lru_cache(maxsize=1)
def s3_client():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
