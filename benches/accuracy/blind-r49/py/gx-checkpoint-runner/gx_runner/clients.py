"""Process-wide clients for the custom checkpoint actions."""
import os
import threading
from functools import lru_cache

import requests
from sqlalchemy import Engine, create_engine

RESULTS_DB_URL = os.environ.get("DQ_RESULTS_DB_URL", "postgresql+psycopg2://dq:dq@dq-db:5432/dq_results")

_http = None
_http_lock = threading.Lock()


@lru_cache(maxsize=1)
def results_engine() -> Engine:
    return create_engine(RESULTS_DB_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)


def http_session() -> requests.Session:
    global _http
    if _http is None:
        with _http_lock:
            if _http is None:
                session = requests.Session()
                session.headers["User-Agent"] = "dq-runner/1.0"
                _http = session
    return _http


def close_all() -> None:
    if results_engine.cache_info().currsize:
        results_engine().dispose()
    if _http is not None:
        _http.close()
