import logging
import time

import redis
from pymongo import MongoClient
from pymongo.errors import ServerSelectionTimeoutError

log = logging.getLogger(__name__)


def make_mongo(uri: str, attempts: int = 10) -> MongoClient:
    """Build the process-wide MongoClient, waiting for the replica set to come up."""
    client = MongoClient(uri, maxPoolSize=20, serverSelectionTimeoutMS=2000)
    for attempt in range(1, attempts + 1):
        try:
            client.admin.command("ping")
            break
        except ServerSelectionTimeoutError:
            log.warning("mongo not reachable yet (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 * attempt, 15))
    else:
        client.close()
        raise SystemExit("mongo never became reachable")
    return client


def make_redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, max_connections=20, health_check_interval=30)
