"""One metrics connection per tox process, shared by every environment.

tox may run environments in parallel threads (tox -p), so creation is
guarded by a lock; the connection is closed when the tox process exits.
"""
import atexit
import threading
from typing import Optional

import psycopg

_lock = threading.Lock()
_conn: Optional[psycopg.Connection] = None

_INSERT = (
    "INSERT INTO tox_env_runs (project, env_name, exit_code, seconds, host, ci_job) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)


def _close() -> None:
    global _conn
    if _conn is not None and not _conn.closed:
        _conn.close()
    _conn = None


def get_connection(dsn: str) -> psycopg.Connection:
    global _conn
    with _lock:
        if _conn is None or _conn.closed:
            _conn = psycopg.connect(
                dsn, autocommit=True, connect_timeout=5, application_name="tox-env-timings"
            )
            atexit.register(_close)
        return _conn


def record(conn: psycopg.Connection, row: tuple) -> None:
    with conn.cursor() as cur:
        cur.execute(_INSERT, row)
