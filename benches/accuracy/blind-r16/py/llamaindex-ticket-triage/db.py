"""Postgres access for the triage worker.

The database sits behind the Supabase transaction pooler (port 6543).
"""
import os

import asyncpg

DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://triage:triage@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)

POOL: asyncpg.Pool | None = None


async def init_pool() -> asyncpg.Pool:
    global POOL
    POOL = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10)
    return POOL


async def close_pool() -> None:
    if POOL is not None:
        await POOL.close()
