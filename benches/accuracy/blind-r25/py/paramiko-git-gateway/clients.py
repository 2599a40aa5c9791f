"""Client factories. Called once from main(); the results are passed down."""

import logging
import os
import time

import redis
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("gateway.clients")

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://gateway@db.internal/forge")
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache.internal:6379/1")


def make_pool(attempts=10):
    pool = ConnectionPool(
        DATABASE_URL,
        min_size=2,
        max_size=12,
        open=False,
        kwargs={"application_name": "ssh-gateway"},
    )
    for attempt in range(1, attempts + 1):
        try:
            pool.open(wait=True, timeout=5)
            break
        except PoolTimeout:
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    else:
        raise SystemExit("could not reach the database")
    return pool


def make_redis():
    return redis.Redis.from_url(REDIS_URL, decode_responses=True, health_check_interval=30)
