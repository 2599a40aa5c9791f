import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine(
    os.environ.get("ORDERS_DB_URL", "postgresql+psycopg://triage@orders-db/orders"),
    pool_size=30,
    max_overflow=20,
    pool_timeout=10,
)
SessionLocal = sessionmaker(engine)


def check_connection() -> bool:
    """Used by the container health check."""
    from sqlalchemy import text

    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
