"""Local MySQL (MariaDB on the field laptop) access for the field kit app."""
from __future__ import annotations

import os
import threading

import pymysql
import pymysql.cursors

_conn: pymysql.connections.Connection | None = None
_lock = threading.Lock()


def get_conn() -> pymysql.connections.Connection:
    """One connection for the whole desktop session, reopened if the server dropped it."""
    global _conn
    with _lock:
        if _conn is None:
            _conn = pymysql.connect(
                host=os.environ.get("FIELDKIT_DB_HOST", "127.0.0.1"),
                port=int(os.environ.get("FIELDKIT_DB_PORT", "3306")),
                user=os.environ.get("FIELDKIT_DB_USER", "fieldkit"),
                password=os.environ.get("FIELDKIT_DB_PASSWORD", ""),
                database="fieldkit",
                cursorclass=pymysql.cursors.DictCursor,
                autocommit=False,
            )
        else:
            _conn.ping(reconnect=True)
        return _conn


def close() -> None:
    global _conn
    with _lock:
        if _conn is not None:
            _conn.close()
            _conn = None
