"""Engine factory shared by every entry point (each process calls it once)."""
import os

from sqlalchemy import Engine, create_engine


def make_engine(pool_size: int = 5) -> Engine:
    return create_engine(
        os.environ.get("ORDERS_DB_URL", "postgresql+psycopg://orders@orders-db:5432/orders"),
        pool_size=pool_size,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
