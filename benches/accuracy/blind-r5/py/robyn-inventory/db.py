import os

import asyncpg

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://inventory:inventory@localhost:5432/inventory"
)


async def get_pool() -> asyncpg.Pool:
    """Open a pool against the inventory database."""
    return await asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=5)


async def fetch_item(pool: asyncpg.Pool, sku: str):
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            "SELECT sku, name, qty, price_cents FROM items WHERE sku = $1", sku
        )


async def adjust_quantity(pool: asyncpg.Pool, sku: str, delta: int) -> int | None:
    async with pool.acquire() as conn:
        async with conn.transaction():
            return await conn.fetchval(
                "UPDATE items SET qty = qty + $2 WHERE sku = $1 RETURNING qty",
                sku,
                delta,
            )
