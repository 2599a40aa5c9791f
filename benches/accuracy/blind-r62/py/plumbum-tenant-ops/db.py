from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine(dsn: str) -> Engine:
    """Small engine for operator commands: one per invocation, disposed by the caller."""
    return create_engine(dsn, pool_size=2, max_overflow=0, pool_pre_ping=True)
