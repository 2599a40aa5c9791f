"""One async engine per server process; components borrow sessions from it."""
import os

from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

DATABASE_URL = os.environ.get(
    "OPSDASH_DATABASE_URL", "postgresql+asyncpg://opsdash:opsdash@db:5432/incidents"
)

engine = create_async_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)
