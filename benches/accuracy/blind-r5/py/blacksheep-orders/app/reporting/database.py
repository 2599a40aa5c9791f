"""Connection used by the reporting endpoints (read-heavy aggregate queries)."""
import os

from sqlalchemy.ext.asyncio import create_async_engine

report_engine = create_async_engine(
    os.environ.get("DATABASE_URL", "postgresql+asyncpg://shop:shop@localhost:5432/shop"),
    pool_pre_ping=True,
)
