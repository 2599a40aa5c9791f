"""Shared clients. Every getter hands back the same object for the whole process."""
import functools
import os
import threading

import redis
import requests
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DB_URL = os.environ.get("ORDERS_DB_URL", "postgresql+psycopg://ordersync@db:5432/warehouse")
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache:6379/0")
SHOP_API = os.environ.get("SHOP_API", "https://shop.example.com/api")
SHOP_TOKEN = os.environ.get("SHOP_TOKEN", "")

engine = create_engine(DB_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)

_http = None
_http_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def get_redis():
    return redis.Redis.from_url(REDIS_URL, decode_responses=True, health_check_interval=30)


def get_http():
    global _http
    if _http is None:
        with _http_lock:
            if _http is None:
                session = requests.Session()
                session.headers.update({"Authorization": f"Bearer {SHOP_TOKEN}"})
                _http = session
    return _http


def close_all():
    if _http is not None:
        _http.close()
    if get_redis.cache_info().currsize:
        get_redis().close()
    engine.dispose()
