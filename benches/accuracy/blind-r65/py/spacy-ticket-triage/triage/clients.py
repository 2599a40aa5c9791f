"""Connection helpers for the ticket triage worker."""
import os

import redis
from psycopg_pool import ConnectionPool

DATABASE_URL = os.environ["DATABASE_URL"]
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")


def make_pool() -> ConnectionPool:
    """Shared pool for the worker loop; called once from worker.main()."""
    return ConnectionPool(DATABASE_URL, min_size=1, max_size=4, open=True)


def make_cache() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=2)
