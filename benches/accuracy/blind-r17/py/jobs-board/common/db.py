import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine(role: str) -> Engine:
    """Each process (web, worker, one-off script) calls this exactly once."""
    return create_engine(
        os.environ["DATABASE_URL"],  # postgresql+psycopg://...
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
        connect_args={"application_name": f"jobs-board-{role}"},
    )
