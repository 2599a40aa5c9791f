import threading

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from quota_agent.conf import CONF

_engine = None
_lock = threading.Lock()


def get_engine():
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = create_engine(CONF.quota.connection, pool_size=10, pool_pre_ping=True)
    return _engine


def get_session() -> Session:
    return Session(get_engine())
