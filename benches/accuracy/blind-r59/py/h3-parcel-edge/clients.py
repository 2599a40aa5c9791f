"""Connection factories for the edge server."""
import os

import asyncpg
import redis.asyncio as aioredis

PARCELS_DSN = os.environ.get("PARCELS_DSN", "postgresql://edge@pg-parcels/parcels")
ROUTING_DSN = os.environ.get("ROUTING_DSN", "postgresql://edge_ro@pg-routing/routing")
ETA_REDIS_URL = os.environ.get("ETA_REDIS_URL", "redis://eta-cache:6379/2")


async def create_db_pool() -> asyncpg.Pool:
    """Called once from server.main(); the pool is handed to every protocol."""
    return await asyncpg.create_pool(
        PARCELS_DSN,
        min_size=2,
        max_size=12,
        command_timeout=10,
        server_settings={"application_name": "parcel-edge"},
    )


def eta_cache() -> aioredis.Redis:
    """Returns a Redis client for the ETA cache."""
    return aioredis.Redis.from_url(ETA_REDIS_URL, decode_responses=True, socket_timeout=2)


def eta_key(depot_code: str, postcode: str) -> str:
    return f"eta:{depot_code}:{postcode}"


def routing_dsn_for(region: str) -> str:
    """Regional read replicas of the routing DB share credentials."""
    if region == "default":
        return ROUTING_DSN
    return ROUTING_DSN.replace("pg-routing", f"pg-routing-{region}")
