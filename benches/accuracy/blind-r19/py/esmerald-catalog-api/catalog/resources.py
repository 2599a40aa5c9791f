"""Process-wide resources, created in the Esmerald on_startup hook and
released in on_shutdown. Handlers only borrow from them."""
import os
from dataclasses import dataclass

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://catalog:catalog@pg:5432/catalog")
PRICING_URL = os.environ.get("PRICING_URL", "http://pricing.internal:8000")


@dataclass
class Resources:
    engine: AsyncEngine | None = None
    sessionmaker: async_sessionmaker | None = None
    pricing: httpx.AsyncClient | None = None


res = Resources()


async def startup() -> None:
    res.engine = create_async_engine(DATABASE_URL, pool_size=10, max_overflow=5, pool_pre_ping=True)
    res.sessionmaker = async_sessionmaker(res.engine, expire_on_commit=False)
    res.pricing = httpx.AsyncClient(base_url=PRICING_URL, timeout=5.0)


async def shutdown() -> None:
    if res.pricing is not None:
        await res.pricing.aclose()
    if res.engine is not None:
        await res.engine.dispose()
