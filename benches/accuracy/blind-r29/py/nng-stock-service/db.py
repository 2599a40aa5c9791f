"""Shared engine factory. Each process (rpc, scheduler, backfill) calls it once."""
import logging
import os
import time

from sqlalchemy import Engine, create_engine, text

log = logging.getLogger(__name__)

DATABASE_URL = os.environ.get(
    "STOCK_DATABASE_URL", "mysql+pymysql://stock:stock@mysql:3306/stock"
)


def make_engine(pool_size: int = 5, attempts: int = 12) -> Engine:
    """Build the process's engine and wait until MySQL accepts connections."""
    engine = create_engine(
        DATABASE_URL,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_recycle=1800,
        pool_pre_ping=True,
    )
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            log.info("database ready after %d attempt(s)", attempt)
            return engine
        except Exception as exc:
            if attempt == attempts:
                engine.dispose()
                raise
            log.warning("database not ready (%s), retrying", exc)
            time.sleep(min(attempt * 2, 20))
    return engine
