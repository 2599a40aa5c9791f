"""Engine factory shared by the web, worker and CLI processes.

Each process calls make_engine() exactly once from its own entry point.
"""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(*, attempts: int = 10, delay: float = 2.0, pool_size: int = 5) -> Engine:
    engine = create_engine(
        os.environ["DATABASE_URL"],
        pool_size=pool_size,
        max_overflow=5,
        pool_pre_ping=True,
    )
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            if attempt == attempts:
                engine.dispose()
                raise
            log.warning("database not ready (%s), retry %d/%d", exc, attempt, attempts)
            time.sleep(delay)
    raise RuntimeError("unreachable")
