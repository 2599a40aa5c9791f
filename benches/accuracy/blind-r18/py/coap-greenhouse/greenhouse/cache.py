from redis import asyncio as aioredis

from . import settings


def get_redis() -> aioredis.Redis:
    return aioredis.from_url(settings.REDIS_URL, decode_responses=True)
