import functools

import redis.asyncio as aioredis
import requests
from django.conf import settings
from requests.adapters import HTTPAdapter


def pricing_client() -> requests.Session:
    """Session pre-configured for the pricing service."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {settings.PRICING_API_TOKEN}"})
    session.mount("https://", HTTPAdapter(max_retries=3))
    return session


@functools.cache
def stock_redis() -> aioredis.Redis:
    return aioredis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
