"""asyncpg pool shared by all message handlers.

The pool is created once by ``init_pool`` (scheduled on the bot's loop
wrapper at start-up) and closed by ``close_pool`` on shutdown.
"""
import logging
import os

import asyncpg

log = logging.getLogger("shopbot.db")

SHOP_DSN = os.environ.get("SHOP_DSN", "postgresql://shopbot@db.internal:5432/shop")

pool: asyncpg.Pool | None = None


async def init_pool() -> None:
    global pool
    pool = await asyncpg.create_pool(SHOP_DSN, min_size=2, max_size=10, command_timeout=10)
    log.info("database pool ready")


async def close_pool() -> None:
    if pool is not None:
        await pool.close()
        log.info("database pool closed")


def get_pool() -> asyncpg.Pool:
    if pool is None:
        raise RuntimeError("database pool not initialised yet")
    return pool


async def customer_by_vk_id(vk_id: int):
    async with get_pool().acquire() as conn:
        return await conn.fetchrow(
            "SELECT id, name, phone FROM customers WHERE vk_id = $1", vk_id
        )
