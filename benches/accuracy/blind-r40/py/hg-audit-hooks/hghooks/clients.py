"""Process-wide clients for the in-process hooks.

hgweb imports the hook modules once per gunicorn worker; the pool is
opened lazily on the first push and reused for every later one.
"""
import atexit
import threading

import requests
from psycopg_pool import ConnectionPool

_pool = None
_pool_lock = threading.Lock()

http = requests.Session()
http.headers["User-Agent"] = "hg-audit-hooks/1.2"


def audit_pool(dsn: str) -> ConnectionPool:
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = ConnectionPool(
                    dsn,
                    min_size=1,
                    max_size=4,
                    kwargs={"application_name": "hg-audit-hooks"},
                    open=True,
                )
                atexit.register(_pool.close)
    return _pool
