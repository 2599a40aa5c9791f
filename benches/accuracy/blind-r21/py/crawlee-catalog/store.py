"""Product catalogue persistence (MongoDB via motor) and crawl cache helpers."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import redis.asyncio as aioredis
from motor.motor_asyncio import AsyncIOMotorClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://mongo.internal:27017/?replicaSet=rs0")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.internal:6379/3")

mongo = AsyncIOMotorClient(MONGO_URL, serverSelectionTimeoutMS=5000)
products = mongo["catalog"]["products"]


def get_cache() -> aioredis.Redis:
    """Return a Redis handle for the crawl de-duplication keys."""
    return aioredis.Redis.from_url(REDIS_URL, decode_responses=True)


async def ensure_indexes() -> None:
    await products.create_index("sku", unique=True)
    await products.create_index([("retailer", 1), ("updated_at", -1)])


async def upsert_product(retailer: str, sku: str, doc: dict) -> bool:
    """Insert or update a product; returns True when something changed."""
    now = datetime.now(timezone.utc)
    result = await products.update_one(
        {"sku": sku},
        {
            "$set": {**doc, "retailer": retailer, "updated_at": now},
            "$setOnInsert": {"first_seen": now},
        },
        upsert=True,
    )
    return bool(result.upserted_id or result.modified_count)


async def mark_unavailable(retailer: str, skus: list[str]) -> int:
    if not skus:
        return 0
    result = await products.update_many(
        {"retailer": retailer, "sku": {"$in": skus}},
        {"$set": {"available": False, "updated_at": datetime.now(timezone.utc)}},
    )
    return result.modified_count
