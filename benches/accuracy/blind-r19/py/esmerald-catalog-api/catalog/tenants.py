"""Each tenant has its own Redis (separate clusters for the big accounts).
Clients are created on first use and kept for the life of the process."""
import json
import os

from redis.asyncio import Redis

TENANT_REDIS = json.loads(os.environ.get("TENANT_REDIS", '{"default": "redis://redis:6379/0"}'))

_clients: dict[str, Redis] = {}


def cache_for(tenant: str) -> Redis:
    client = _clients.get(tenant)
    if client is None:
        url = TENANT_REDIS.get(tenant, TENANT_REDIS["default"])
        client = Redis.from_url(url, decode_responses=True)
        _clients[tenant] = client
    return client


async def close_all() -> None:
    for client in _clients.values():
        await client.aclose()
    _clients.clear()
