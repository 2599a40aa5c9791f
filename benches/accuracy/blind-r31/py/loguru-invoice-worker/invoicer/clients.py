"""Client factories. Each is called exactly once, from worker.main()."""
import os
import time

import httpx
import redis
from pymongo import MongoClient
from pymongo.errors import ConnectionFailure


def make_redis(attempts: int = 10) -> redis.Redis:
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    for attempt in range(1, attempts + 1):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if attempt == attempts:
                raise
            time.sleep(min(2 ** attempt, 30))
    return client


def make_mongo(attempts: int = 10) -> MongoClient:
    for attempt in range(1, attempts + 1):
        client = MongoClient(os.environ["MONGO_URL"], serverSelectionTimeoutMS=3000, appname="invoicer")
        try:
            client.admin.command("ping")
            return client
        except ConnectionFailure:
            client.close()
            if attempt == attempts:
                raise
            time.sleep(min(2 ** attempt, 30))


def make_http() -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(5.0, connect=2.0),
        limits=httpx.Limits(max_connections=10, max_keepalive_connections=5),
        headers={"User-Agent": "invoicer/2.1"},
    )
