"""Connections used by the fulfilment workers."""
import os
import threading

from psycopg_pool import ConnectionPool
from pymongo import MongoClient

ORDERS_DSN = os.environ.get("ORDERS_DSN", "host=orders-db dbname=orders user=fulfil")
EVENTS_MONGO_URI = os.environ.get("EVENTS_MONGO_URI", "mongodb://events-mongo:27017/?replicaSet=rs0")

_pool: ConnectionPool | None = None
_pool_lock = threading.Lock()


def get_pool() -> ConnectionPool:
    """One psycopg pool per worker process, opened on first use."""
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = ConnectionPool(
                    ORDERS_DSN,
                    min_size=1,
                    max_size=6,
                    open=True,
                    name="orders",
                )
    return _pool


def get_mongo() -> MongoClient:
    return MongoClient(
        EVENTS_MONGO_URI,
        appname="fulfil-worker",
        serverSelectionTimeoutMS=3000,
        w="majority",
    )


def close_all() -> None:
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None
