"""Factories shared by the web process, the projector worker and scripts.

Each process calls these once at start-up and keeps the result.
"""
import os

import redis
from pymongo import MongoClient

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://mongo.internal:27017/?replicaSet=rs0")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.internal:6379/0")


def make_mongo(app_name: str) -> MongoClient:
    return MongoClient(MONGO_URI, appname=app_name, maxPoolSize=20, serverSelectionTimeoutMS=5000)


def make_redis() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL, decode_responses=True, health_check_interval=30)
