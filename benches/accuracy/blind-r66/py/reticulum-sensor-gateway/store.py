"""Shared by gateway.py and rollup.py; each process calls make_engine() once."""
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError


def make_engine(url, attempts=5):
    """Build the engine, waiting (bounded) for the database to come up."""
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=3, max_overflow=2, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            engine.dispose()
            if attempt == attempts:
                raise
            time.sleep(2 * attempt)
