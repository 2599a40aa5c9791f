"""Dependency providers wired through Xpresso's DI container."""
import os
from typing import Annotated, AsyncIterator

import asyncpg
import httpx
from xpresso import Depends

DB_DSN = os.environ.get("BOOKINGS_DB_DSN", "postgresql://bookings@db.internal/bookings")
PAYMENTS_URL = os.environ.get("PAYMENTS_URL", "https://payments.internal")
PAYMENTS_KEY = os.environ.get("PAYMENTS_API_KEY", "")


async def get_pool() -> AsyncIterator[asyncpg.Pool]:
    pool = await asyncpg.create_pool(DB_DSN, min_size=2, max_size=10)
    try:
        yield pool
    finally:
        await pool.close()


DbPool = Annotated[asyncpg.Pool, Depends(get_pool, scope="app")]


async def get_payments_client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=PAYMENTS_URL,
        headers={"Authorization": f"Bearer {PAYMENTS_KEY}"},
        timeout=10.0,
    ) as client:
        yield client


PaymentsClient = Annotated[httpx.AsyncClient, Depends(get_payments_client)]
