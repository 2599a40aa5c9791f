"""Product catalog API (Litestar + asyncpg)."""
from __future__ import annotations

import os
from dataclasses import dataclass

import asyncpg
from litestar import Litestar, Request, get
from litestar.exceptions import NotFoundException

# Primary goes through Supabase's transaction-mode pooler (port 6543).
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://catalog:catalog@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)
# Read replica, direct connection.
REPLICA_URL = os.environ.get(
    "REPLICA_URL",
    "postgresql://catalog_ro:catalog@replica.internal:5432/postgres",
)


@dataclass
class Product:
    id: int
    sku: str
    name: str
    price_cents: int


async def open_pool(app: Litestar) -> None:
    app.state.pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10)


async def close_pool(app: Litestar) -> None:
    await app.state.pool.close()


@get("/products/{product_id:int}")
async def get_product(product_id: int) -> Product:
    conn = await asyncpg.connect(REPLICA_URL)
    try:
        row = await conn.fetchrow(
            "SELECT id, sku, name, price_cents FROM products WHERE id = $1",
            product_id,
        )
    finally:
        await conn.close()
    if row is None:
        raise NotFoundException(f"product {product_id} not found")
    return Product(**dict(row))


@get("/products/{product_id:int}/reviews")
async def list_reviews(request: Request, product_id: int) -> list[dict]:
    conn = await request.app.state.pool.acquire()
    rows = await conn.fetch(
        "SELECT author, rating, body FROM reviews WHERE product_id = $1 "
        "ORDER BY created_at DESC LIMIT 50",
        product_id,
    )
    return [dict(r) for r in rows]


@get("/health")
async def health(request: Request) -> dict:
    async with request.app.state.pool.acquire() as conn:
        await conn.fetchval("SELECT 1")
    return {"ok": True}


app = Litestar(
    route_handlers=[get_product, list_reviews, health],
    on_startup=[open_pool],
    on_shutdown=[close_pool],
)
