"""Client construction; only agent.main() calls these, once per agent process."""
import asyncio
import logging
import os

import asyncpg
import redis.asyncio as redis

log = logging.getLogger(__name__)


async def open_pool() -> asyncpg.Pool:
    delay = 1.0
    while True:
        try:
            pool = await asyncpg.create_pool(
                os.environ["FLEET_DSN"], min_size=1, max_size=4, command_timeout=10
            )
            break
        except (OSError, asyncpg.PostgresError) as exc:
            log.warning("fleet DB not reachable yet: %s (retry in %.0fs)", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
    return pool


def open_cache() -> redis.Redis:
    return redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
