"""Clients shared by every transform served from one gunicorn worker."""
import os

import psycopg2
import redis
from psycopg2.pool import ThreadedConnectionPool

INTEL_DSN = os.environ.get("INTEL_DSN", "postgresql://intel:intel@localhost:5432/intel")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")

# Built once when the worker imports this module.
cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)

netblock_pool = ThreadedConnectionPool(minconn=1, maxconn=10, dsn=INTEL_DSN)


def get_pg():
    """Open a connection to the breach-intel database."""
    return psycopg2.connect(INTEL_DSN, connect_timeout=5)
