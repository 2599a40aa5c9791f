"""Small factories shared by the plugins."""
from redis.asyncio import Redis

import config


def rate_limiter() -> Redis:
    return Redis.from_url(config.REDIS_URL, decode_responses=True)


async def allow(limiter: Redis, user_id: int, per_minute: int = 3) -> bool:
    key = f"ticket-rate:{user_id}"
    count = await limiter.incr(key)
    if count == 1:
        await limiter.expire(key, 60)
    return count <= per_minute
