"""Engine factory shared by the web, worker and backfill processes.

Each process calls make_engine() exactly once; nothing here caches across
processes (gunicorn workers fork after import and each gets its own pool).
"""

import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg://shipping@localhost:5432/shipping"
)


def make_engine(role: str, pool_size: int = 5) -> Engine:
    return create_engine(
        DATABASE_URL,
        pool_size=pool_size,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={"application_name": f"shipping-{role}"},
    )
