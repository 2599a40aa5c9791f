import threading

from psycopg_pool import ConnectionPool

_pool = None
_lock = threading.Lock()


def make_pool(dsn: str) -> ConnectionPool:
    return ConnectionPool(dsn, min_size=1, max_size=4, kwargs={"autocommit": True})


def shared_pool(dsn: str) -> ConnectionPool:
    global _pool
    with _lock:
        if _pool is None:
            _pool = make_pool(dsn)
        return _pool


def close_shared_pool() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.close()
            _pool = None
