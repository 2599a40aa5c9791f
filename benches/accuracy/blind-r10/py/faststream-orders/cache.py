"""Order status cache used by the shipping subscriber."""
import os

from redis.asyncio import Redis

redis_client = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


async def cache_status(order_id: str, status: str) -> None:
    await redis_client.set(f"order:{order_id}:status", status, ex=3600)


async def drop_status(order_id: str) -> None:
    await redis_client.delete(f"order:{order_id}:status")
