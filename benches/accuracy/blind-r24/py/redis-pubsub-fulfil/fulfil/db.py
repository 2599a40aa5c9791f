import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine() -> Engine:
    """Build the fulfilment DB engine. Called once from main()."""
    return create_engine(
        os.environ.get("FULFIL_DB_URL", "postgresql+psycopg2://fulfil@db/fulfil"),
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


def describe(engine: Engine) -> str:
    """Log-friendly description without the password."""
    return engine.url.render_as_string(hide_password=True)
