"""Long-lived resources, created in StartingEvent and torn down in StoppingEvent."""
import asyncio
import logging
import os
from dataclasses import dataclass

import aiohttp
import asyncpg
import redis.asyncio as aioredis

log = logging.getLogger("guildkeeper")


@dataclass
class Resources:
    db: asyncpg.Pool
    http: aiohttp.ClientSession
    cache: aioredis.Redis


async def _connect_db(dsn: str, attempts: int = 8) -> asyncpg.Pool:
    for attempt in range(1, attempts + 1):
        try:
            return await asyncpg.create_pool(dsn, min_size=1, max_size=8)
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("postgres not ready (%d/%d): %s", attempt, attempts, exc)
            await asyncio.sleep(attempt * 2)
    raise RuntimeError("postgres unavailable")


async def open_resources() -> Resources:
    db = await _connect_db(os.environ.get("DATABASE_URL", "postgresql://bot:bot@localhost/guildkeeper"))
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
    cache = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    return Resources(db=db, http=http, cache=cache)


async def close_resources(res: Resources) -> None:
    await res.http.close()
    await res.cache.aclose()
    await res.db.close()
