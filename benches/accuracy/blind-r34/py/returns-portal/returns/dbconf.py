"""Shared engine factory. Each process (web, worker, release) calls it once."""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(pool_size=5, attempts=10):
    engine = create_engine(
        os.environ.get("RETURNS_DB_URL", "mysql+pymysql://returns@mysql-returns:3306/returns"),
        pool_size=pool_size,
        max_overflow=2,
        pool_recycle=1800,
        pool_pre_ping=True,
    )
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError:
            log.warning("mysql not ready, attempt %d/%d", attempt, attempts)
            time.sleep(attempt)
    else:
        engine.dispose()
        raise RuntimeError("mysql unavailable")
    return engine
