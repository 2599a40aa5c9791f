"""Engine factory shared by the dashboard, poller and migrate processes.

Each process calls make_engine() exactly once at start-up and keeps the engine
for its whole lifetime.
"""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

BENCH_DB_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg://bench:bench@lab-db.internal:5432/bench"
)


def make_engine(attempts=8, pool_size=3):
    delay = 1.0
    for attempt in range(1, attempts + 1):
        engine = create_engine(BENCH_DB_URL, pool_size=pool_size, max_overflow=2,
                               pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            engine.dispose()
            log.warning("bench DB not reachable (%d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
            delay = min(delay * 2, 20)
    raise RuntimeError("bench database unavailable after %d attempts" % attempts)
