"""Idempotency guard: RabbitMQ may redeliver, so remember processed ids."""
import os

import redis.asyncio as aioredis

_redis = aioredis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


async def seen_before(message_id: str) -> bool:
    # SET NX returns None when the key already exists
    created = await _redis.set(f"dedupe:{message_id}", "1", nx=True, ex=86400)
    return created is None
