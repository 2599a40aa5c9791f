import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


def make_engine(pool_size: int = 2, attempts: int = 8) -> Engine:
    """Build the engine for this process, waiting for Postgres if it is still starting."""
    url = os.environ["ACCESSLOG_DB_URL"]
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=pool_size, max_overflow=0, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except Exception as exc:
            engine.dispose()
            log.warning("database not ready (%s), attempt %d/%d", exc, attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    raise RuntimeError("database unavailable")
