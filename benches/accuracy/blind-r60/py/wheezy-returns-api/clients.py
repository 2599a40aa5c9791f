import os

import redis
from psycopg2.pool import ThreadedConnectionPool

pg_pool = ThreadedConnectionPool(
    minconn=2,
    maxconn=80,
    dsn=os.environ.get("DATABASE_URL", "postgresql://returns:returns@db:5432/returns"),
)


def make_cache() -> redis.Redis:
    return redis.Redis.from_url(
        os.environ.get("REDIS_URL", "redis://cache:6379/0"),
        socket_timeout=2,
        decode_responses=True,
    )
