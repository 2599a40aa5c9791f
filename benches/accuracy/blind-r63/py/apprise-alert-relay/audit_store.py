"""Lazily created, process-wide connection pool for the alert audit trail."""
import os
import threading

from psycopg_pool import ConnectionPool

_pool: ConnectionPool | None = None
_lock = threading.Lock()


def get_pool() -> ConnectionPool:
    # Apprise may deliver to several URLs from worker threads at once,
    # so the first caller builds the pool under a lock; later calls reuse it.
    global _pool
    if _pool is None:
        with _lock:
            if _pool is None:
                _pool = ConnectionPool(
                    os.environ["ALERT_AUDIT_DSN"], min_size=1, max_size=4, open=True
                )
    return _pool


def close_pool() -> None:
    if _pool is not None:
        _pool.close()
