import logging

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


def build_pool(dsn: str, attempts: int = 6) -> ConnectionPool:
    """Called once from main(); the Plex box often boots before Postgres."""
    pool = ConnectionPool(dsn, min_size=1, max_size=4, open=True)
    for attempt in range(1, attempts + 1):
        try:
            pool.wait(timeout=15)
            return pool
        except PoolTimeout:
            log.warning("postgres not reachable yet (%d/%d)", attempt, attempts)
    pool.close()
    raise SystemExit("postgres never came up")
