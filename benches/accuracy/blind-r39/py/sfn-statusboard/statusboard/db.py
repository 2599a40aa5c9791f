"""Shared engine factory. Each process (web, worker, release) calls make_engine() exactly once."""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine(url: str | None = None) -> Engine:
    return create_engine(
        url or os.environ["DATABASE_URL"],
        pool_size=int(os.environ.get("DB_POOL_SIZE", "5")),
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
