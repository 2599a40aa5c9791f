import os

import asyncpg
import redis.asyncio as aioredis

CALLS_DSN = os.environ.get("CALLS_DSN", "postgresql://voicebot@calls-db.internal/calls")
CRM_DSN = os.environ.get("CRM_DSN", "postgresql://voicebot_ro@crm-db.internal/crm")

# shared, lazily-connecting client for dedupe keys
cache = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))


async def create_call_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(CALLS_DSN, min_size=1, max_size=5)


async def connect() -> asyncpg.Connection:
    """Open a read-only connection to the CRM database."""
    return await asyncpg.connect(CRM_DSN, timeout=5)
