"""Shared engine factory. Each process (web, worker, release) calls make_engine() once."""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)
LEDGER_URL = os.environ.get("LEDGER_URL", "mssql+pymssql://ledger:ledger@sql-ledger:1433/Ledger")


def make_engine(attempts=10):
    delay = 1.0
    for attempt in range(1, attempts + 1):
        engine = create_engine(LEDGER_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            engine.dispose()
            log.warning("ledger db not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise RuntimeError("ledger database unavailable")
