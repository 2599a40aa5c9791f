import os

from sqlalchemy import Engine, create_engine


def make_engine(url: str | None = None) -> Engine:
    """Small engine for a single CLI run; callers dispose it when done."""
    return create_engine(
        url or os.environ["LEDGER_DB_URL"],
        pool_size=2,
        max_overflow=0,
        pool_pre_ping=True,
    )
