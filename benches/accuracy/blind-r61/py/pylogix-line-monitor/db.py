import logging
import time

from psycopg_pool import ConnectionPool

log = logging.getLogger("line-monitor.db")


def open_pool(dsn: str, attempts: int = 10) -> ConnectionPool:
    """Start-up only: wait for Postgres (the historian VM often boots after the gateway)."""
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=3, open=False)
        try:
            pool.open(wait=True, timeout=10)
            log.info("connected to historian on attempt %d", attempt)
            return pool
        except Exception as exc:
            pool.close()
            log.warning("historian not ready (%s), attempt %d/%d", exc, attempt, attempts)
            time.sleep(min(30, 2 ** attempt))
    raise SystemExit("historian database unreachable, giving up")
