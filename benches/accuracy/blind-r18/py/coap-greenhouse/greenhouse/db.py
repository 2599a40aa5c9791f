import asyncpg

from . import settings


async def create_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(
        dsn=settings.PG_DSN,
        min_size=2,
        max_size=10,
        command_timeout=5,
    )
