"""Connection set-up. Called from main() only, once per process."""
import logging
import os
import time

import redis
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


def make_pool(dsn: str | None = None, attempts: int = 12) -> ConnectionPool:
    """Open the telemetry pool, waiting for Postgres to come up after a power cycle."""
    dsn = dsn or os.environ["TELEMETRY_DSN"]
    delay = 1.0
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=4, open=False, name="drive-telemetry")
        try:
            pool.open(wait=True, timeout=10)
            log.info("telemetry database reachable (attempt %d)", attempt)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("database not ready (attempt %d/%d), retrying in %.0fs", attempt, attempts, delay)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise RuntimeError("telemetry database unreachable, giving up")


def make_redis() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"), socket_timeout=1)
