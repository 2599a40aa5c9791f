import logging
import time

import requests
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)


def make_pool(dsn: str, attempts: int = 10) -> ConnectionPool:
    """Open the LIMS pool, waiting for the database during boot."""
    delay = 1.0
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=4, open=False, name="lims")
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except Exception:
            pool.close()
            log.warning("LIMS database not reachable (attempt %d/%d)", attempt, attempts)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise SystemExit("giving up: LIMS database unreachable")


def make_http(token: str) -> requests.Session:
    session = requests.Session()
    session.headers.update({"Authorization": f"Token {token}", "User-Agent": "sampletrack/2.1"})
    return session
