"""Shared clients for the Excel pricing functions (one per Excel process)."""
import functools
import os
import threading

import requests
from sqlalchemy import create_engine

PRICING_DB = os.environ.get(
    "PRICING_DB_URL", "postgresql+psycopg://excel:excel@pricing-db.corp:5432/pricing"
)
FX_API = os.environ.get("FX_API_URL", "https://fx.corp/api/v1")

_http = None
_http_lock = threading.Lock()


@functools.lru_cache(maxsize=None)
def engine():
    return create_engine(PRICING_DB, pool_size=4, max_overflow=2, pool_pre_ping=True,
                         pool_recycle=1800)


def http():
    global _http
    if _http is None:
        with _http_lock:
            if _http is None:
                session = requests.Session()
                session.headers["X-Client"] = "excel-pricing"
                _http = session
    return _http


def close_all():
    global _http
    if engine.cache_info().currsize:
        engine().dispose()
        engine.cache_clear()
    if _http is not None:
        _http.close()
        _http = None
