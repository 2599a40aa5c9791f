"""Engine factory shared by the web and etl processes (each calls it once at start-up)."""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(pool_size: int = 5, attempts: int = 8) -> Engine:
    url = os.environ["DATABASE_URL"]
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=pool_size, max_overflow=5, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            engine.dispose()
            if attempt == attempts:
                raise
            log.warning("database not ready (attempt %d/%d), retrying", attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    raise RuntimeError("unreachable")
