import os

import httpx
from psycopg_pool import ConnectionPool

PRIMARY_DSN = os.environ.get("PGWATCH_DSN", "postgresql://pgwatch@pg-primary:5432/postgres")
STATUS_API = os.environ.get("PGWATCH_STATUS_API", "http://patroni.internal:8008")


def make_pool() -> ConnectionPool:
    pool = ConnectionPool(PRIMARY_DSN, min_size=1, max_size=4, kwargs={"autocommit": True}, open=False)
    pool.open(wait=True, timeout=15)
    return pool


def status_api() -> httpx.Client:
    return httpx.Client(base_url=STATUS_API, timeout=3.0)
