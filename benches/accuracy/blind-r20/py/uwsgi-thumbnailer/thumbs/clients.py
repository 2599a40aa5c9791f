"""Per-process clients.

uWSGI forks workers, spoolers and the master; each of those processes calls the
getters below and keeps its own instance for the life of the process.
"""
import os
import threading

import boto3
import redis
from sqlalchemy import create_engine

_lock = threading.Lock()
_engine = None
_s3 = None
_redis = None


def engine():
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = create_engine(
                    os.environ.get("THUMBS_DB_URL", "postgresql+psycopg2://thumbs@db/thumbs"),
                    pool_size=4,
                    max_overflow=2,
                    pool_pre_ping=True,
                )
    return _engine


def s3():
    global _s3
    if _s3 is None:
        with _lock:
            if _s3 is None:
                _s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    return _s3


def cache():
    global _redis
    if _redis is None:
        with _lock:
            if _redis is None:
                _redis = redis.Redis.from_url(os.environ.get("THUMBS_REDIS_URL", "redis://cache:6379/1"))
    return _redis
