import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

DATABASE_URL = os.environ.get("DATABASE_URL", "mysql+mysqldb://reports@reports-db:3306/reports")


def make_engine(pool_size=5, attempts=10) -> Engine:
    """Build the process-wide engine; MySQL may still be starting when the dyno boots."""
    for attempt in range(1, attempts + 1):
        engine = create_engine(
            DATABASE_URL,
            pool_size=pool_size,
            max_overflow=2,
            pool_recycle=1800,
            pool_pre_ping=True,
        )
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            engine.dispose()
            log.warning("database not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(min(2 * attempt, 15))
    raise SystemExit("database never became reachable")
