"""Clients shared by every callback in this Maya session; created on first use, closed on quit."""
import os
import threading

import requests
from sqlalchemy import create_engine

_lock = threading.Lock()
_engine = None
_http = None


def get_engine():
    global _engine
    with _lock:
        if _engine is None:
            _engine = create_engine(
                os.environ["ASSET_DB_URL"],
                pool_size=2,
                max_overflow=0,
                pool_pre_ping=True,
                pool_recycle=1800,
            )
        return _engine


def get_http():
    global _http
    with _lock:
        if _http is None:
            _http = requests.Session()
            _http.headers["User-Agent"] = "maya-asset-tracker/1.2"
        return _http


def shutdown():
    global _engine, _http
    with _lock:
        if _engine is not None:
            _engine.dispose()
            _engine = None
        if _http is not None:
            _http.close()
            _http = None
