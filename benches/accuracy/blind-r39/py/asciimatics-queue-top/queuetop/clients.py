import logging
import time

import requests
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


def make_pool(dsn: str, attempts: int = 8) -> ConnectionPool:
    """Open the pool once at start-up, retrying while the database is unreachable."""
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(
            dsn,
            min_size=1,
            max_size=2,
            open=False,
            kwargs={"application_name": "queue-top"},
        )
        try:
            pool.open(wait=True, timeout=5)
            return pool
        except PoolTimeout:
            pool.close()
            if attempt == attempts:
                raise
            log.warning("database not reachable (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 ** attempt, 15))
    raise RuntimeError("unreachable")


def make_http(token: str) -> requests.Session:
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "User-Agent": "queue-top/1.1"})
    return session
