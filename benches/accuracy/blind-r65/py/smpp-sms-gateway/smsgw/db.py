"""Pool factory shared by the receiver and sender processes (each calls it once at start-up)."""
import logging
import os
import time

from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)


def make_pool(max_size: int = 4, attempts: int = 10) -> ConnectionPool:
    dsn = os.environ["SMSGW_DATABASE_URL"]
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=max_size, open=False)
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except Exception:
            pool.close()
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    raise SystemExit("could not reach the database")
