"""One engine factory shared by every entry point.

Each process (web, worker, one-off scripts) calls make_engine() exactly once
from its own start-up code and keeps the result for its lifetime.
"""
import os

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://scores:scores@localhost:5432/scores")


def make_engine(pool_size: int = 5) -> AsyncEngine:
    return create_async_engine(DATABASE_URL, pool_size=pool_size, max_overflow=5, pool_pre_ping=True)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
