"""Engine factory shared by the trap receiver, the digest worker and the purge script.

Each process calls make_engine() exactly once at start-up.
"""
import logging
import os
import time

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(url: str | None = None, *, pool_size: int = 5, attempts: int = 12) -> Engine:
    engine = create_engine(
        url or os.environ["DATABASE_URL"],
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
    # The database container often comes up after us; wait for it instead of crash-looping.
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError as exc:
            if attempt == attempts:
                engine.dispose()
                raise
            delay = min(30, 2 ** attempt)
            log.warning("database not ready (%s); retry %d/%d in %ds", exc.orig, attempt, attempts, delay)
            time.sleep(delay)
    return engine
