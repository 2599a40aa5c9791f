"""Shared engine factory. Each process calls make_engine() exactly once."""
import asyncio
import logging
import os

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

log = logging.getLogger(__name__)

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://ticks:ticks@db:5432/ticks")


async def make_engine(pool_size: int = 5, attempts: int = 20) -> AsyncEngine:
    engine = create_async_engine(DATABASE_URL, pool_size=pool_size, max_overflow=2,
                                 pool_pre_ping=True)
    for attempt in range(1, attempts + 1):
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return engine
        except OSError as exc:
            if attempt == attempts:
                await engine.dispose()
                raise
            log.warning("database not reachable (%s), attempt %d/%d", exc, attempt, attempts)
            await asyncio.sleep(min(2 ** attempt, 30))
    raise RuntimeError("unreachable")
