import os

import redis
from psycopg2.pool import ThreadedConnectionPool


def build_redis():
    return redis.Redis(
        host=os.environ.get("GUARD_REDIS_HOST", "127.0.0.1"),
        port=6379,
        db=0,
        socket_timeout=0.05,
        health_check_interval=30,
    )


def build_pg_pool():
    return ThreadedConnectionPool(
        1, 3, os.environ.get("GUARD_DSN", "dbname=guard user=guard host=10.1.0.5")
    )
