import os

import asyncpg

# Supabase connection string (transaction pooler).
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://postgres.qzkxwtrbnmvhpl:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)

_pool: asyncpg.Pool | None = None


async def get_pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=5, command_timeout=10)
    return _pool
