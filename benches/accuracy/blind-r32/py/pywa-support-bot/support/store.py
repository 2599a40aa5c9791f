import os

import pymysql
import redis
from dbutils.pooled_db import PooledDB

MYSQL = dict(
    host=os.environ.get("MYSQL_HOST", "mysql"),
    user=os.environ.get("MYSQL_USER", "support"),
    password=os.environ.get("MYSQL_PASSWORD", ""),
    database=os.environ.get("MYSQL_DB", "support"),
    charset="utf8mb4",
    cursorclass=pymysql.cursors.DictCursor,
)

# Shared, bounded pool for the whole gunicorn worker.
pool = PooledDB(creator=pymysql, mincached=1, maxconnections=10, blocking=True, **MYSQL)

sessions = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/2"))


def connect() -> pymysql.connections.Connection:
    """Direct connection with autocommit, used for ticket writes."""
    return pymysql.connect(autocommit=True, **MYSQL)
