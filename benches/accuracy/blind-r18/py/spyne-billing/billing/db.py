import os

from sqlalchemy import create_engine


def make_engine(pool_size: int = 5):
    """Each process (web worker, renderer, one-off script) calls this exactly once."""
    return create_engine(
        os.environ.get("BILLING_DB_URL", "mysql+pymysql://billing:billing@mysql:3306/billing"),
        pool_size=pool_size,
        max_overflow=5,
        pool_recycle=1800,
        pool_pre_ping=True,
    )
