import asyncpg

from .config import SUPPORT_DSN

pool = None


async def open_pool():
    global pool
    if pool is None:
        pool = await asyncpg.create_pool(SUPPORT_DSN, min_size=1, max_size=5, command_timeout=10)
    return pool
