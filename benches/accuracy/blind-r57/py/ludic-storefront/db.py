"""Database helpers shared by the web process and the order worker.

Each process calls make_engine() exactly once at start-up and disposes the
engine when it shuts down.
"""
import os
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+asyncpg://shop:shop@db.internal:5432/shop")


def make_engine(url: str = DATABASE_URL, *, pool_size: int = 5) -> AsyncEngine:
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def list_products(session: AsyncSession) -> list[dict]:
    rows = await session.execute(
        text("SELECT sku, name, price FROM products WHERE active ORDER BY name"))
    return [dict(r._mapping) for r in rows]


async def get_product(session: AsyncSession, sku: str) -> dict | None:
    row = (await session.execute(
        text("SELECT sku, name, price, stock FROM products WHERE sku = :sku AND active"),
        {"sku": sku})).first()
    return dict(row._mapping) if row else None


async def place_order(session: AsyncSession, sku: str, qty: int, email: str) -> int | None:
    stock = await session.scalar(
        text("UPDATE products SET stock = stock - :qty "
             "WHERE sku = :sku AND stock >= :qty RETURNING stock"),
        {"sku": sku, "qty": qty})
    if stock is None:
        return None
    return await session.scalar(
        text("INSERT INTO orders (sku, qty, email, status) "
             "VALUES (:sku, :qty, :email, 'new') RETURNING id"),
        {"sku": sku, "qty": qty, "email": email})


def money(value: Decimal) -> str:
    return f"\u20ac{value:.2f}"
