"""Access to the team symbol store."""
import functools
import os

import redis
from pymongo import MongoClient

MONGO_URI = os.environ.get("SYMSYNC_MONGO", "mongodb://symsync:symsync@re-mongo.lab:27017/?authSource=admin")
REDIS_URL = os.environ.get("SYMSYNC_REDIS", "redis://re-cache.lab:6379/2")


def get_db():
    client = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000, appname="binja-symsync")
    return client["symbols"]


@functools.lru_cache(maxsize=1)
def seen_cache():
    return redis.Redis.from_url(REDIS_URL, socket_timeout=1)
