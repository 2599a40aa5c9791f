import os

import aiohttp
import redis.asyncio as redis

DSN = os.environ.get("ORDERS_DSN", "postgresql://orders:orders@db:5432/orders")
CARRIER_API = os.environ.get("CARRIER_API", "https://api.shipfast.example/v2")

# One shared Redis client for the whole process (lazy connection pool).
cache = redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"))


def carrier_session() -> aiohttp.ClientSession:
    """HTTP session preconfigured for the carrier API."""
    return aiohttp.ClientSession(
        base_url=CARRIER_API,
        headers={"Authorization": f"Bearer {os.environ.get('CARRIER_TOKEN', '')}"},
        timeout=aiohttp.ClientTimeout(total=5),
    )
