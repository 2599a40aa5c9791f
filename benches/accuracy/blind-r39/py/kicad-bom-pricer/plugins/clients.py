"""Clients kept for the lifetime of the KiCad process; the action plugin reuses them on every click."""
import atexit
import os
import threading

import requests
from psycopg_pool import ConnectionPool

DISTRIBUTORS = {
    "digikey": "https://api.digikey.com/products/v4",
    "mouser": "https://api.mouser.com/api/v2",
    "lcsc": "https://wmsc.lcsc.com/ftps/wm",
}

_lock = threading.Lock()
_pool = None
_sessions = {}


def parts_pool():
    global _pool
    with _lock:
        if _pool is None:
            _pool = ConnectionPool(
                os.environ.get("PARTS_DB_DSN", "postgresql://kicad@parts.hwteam.lan/parts"),
                min_size=0,
                max_size=2,
                open=True,
                kwargs={"application_name": "kicad-bom-pricer"},
            )
        return _pool


def distributor_session(name):
    if name not in DISTRIBUTORS:
        raise KeyError("unsupported distributor %r" % name)
    with _lock:
        session = _sessions.get(name)
        if session is None:
            session = requests.Session()
            session.headers["X-Api-Key"] = os.environ.get("%s_API_KEY" % name.upper(), "")
            _sessions[name] = session
        return session


def _close_all():
    global _pool
    with _lock:
        for session in _sessions.values():
            session.close()
        _sessions.clear()
        if _pool is not None:
            _pool.close()
            _pool = None


atexit.register(_close_all)
