import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(pool_size: int = 5, attempts: int = 10) -> Engine:
    """Build the process's engine, waiting for the database after a deploy or failover.

    Call once per process and pass the engine around.
    """
    url = os.environ["DATABASE_URL"]
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=pool_size, max_overflow=2, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            engine.dispose()
            log.warning("database not reachable (%d/%d): %s", attempt, attempts, exc)
            time.sleep(min(2 ** attempt, 30))
    raise SystemExit("database unreachable")
