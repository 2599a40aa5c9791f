"""Engine construction shared by every entry point (web, worker, scripts)."""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine(url: str | None = None) -> Engine:
    return create_engine(
        url or os.environ["DATABASE_URL"],
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
