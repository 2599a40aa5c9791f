import logging
import os
import time
from dataclasses import dataclass

import httpx
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)


@dataclass
class Services:
    pool: ConnectionPool
    status_api: httpx.Client

    def close(self) -> None:
        self.status_api.close()
        self.pool.close()


def _open_pool(dsn: str, attempts: int = 10) -> ConnectionPool:
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=4, open=False)
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except Exception as e:
            pool.close()
            log.warning("service DB not ready (attempt %d/%d): %s", attempt, attempts, e)
            time.sleep(min(2 * attempt, 15))
    raise SystemExit("service DB unreachable, giving up")


def build_services() -> Services:
    """Called exactly once, from main(), before the recognition loop starts."""
    pool = _open_pool(os.environ["VOICEOPS_DSN"])
    status_api = httpx.Client(
        base_url=os.environ.get("STATUS_API", "https://status.internal.example.org/api"),
        headers={"Authorization": f"Bearer {os.environ['STATUS_TOKEN']}"},
        timeout=5.0,
    )
    return Services(pool=pool, status_api=status_api)
