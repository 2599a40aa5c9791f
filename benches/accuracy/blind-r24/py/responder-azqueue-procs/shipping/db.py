"""Shared engine factory. Each process (web, worker, backfill) calls this
exactly once at start-up and keeps the engine for its lifetime."""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine(role: str, pool_size: int = 5) -> Engine:
    return create_engine(
        os.environ.get("SHIPPING_DB_URL", "postgresql+psycopg://shipping@db/shipping"),
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        connect_args={"application_name": f"shipping-{role}"},
    )
