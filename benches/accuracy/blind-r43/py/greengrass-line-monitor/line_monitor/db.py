import logging
import time

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


def make_pool(conninfo, attempts=20):
    """Open the local Postgres pool; the database may still be starting at boot."""
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(conninfo, min_size=1, max_size=4, open=False, name="line-monitor")
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("local database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(3 * attempt, 30))
    raise SystemExit("local database never became available")
