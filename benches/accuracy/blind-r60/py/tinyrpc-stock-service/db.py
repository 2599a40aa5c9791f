import logging
import time

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


def open_pool(dsn: str, attempts: int = 8) -> ConnectionPool:
    """Open the shared pool, waiting for Postgres to come up (called once from main)."""
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(
            dsn,
            min_size=2,
            max_size=10,
            open=False,
            kwargs={"autocommit": False},
        )
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except PoolTimeout:
            pool.close()
            delay = min(2 ** attempt, 30)
            log.warning("postgres not ready (attempt %d/%d), retrying in %ss", attempt, attempts, delay)
            time.sleep(delay)
    raise SystemExit("could not reach postgres, giving up")
