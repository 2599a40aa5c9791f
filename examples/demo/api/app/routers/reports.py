import os

from fastapi import APIRouter
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

router = APIRouter(prefix="/reports")


@router.get("/daily")
async def daily_report():
    engine = create_async_engine(os.environ["DATABASE_URL"], pool_size=20, max_overflow=30)
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("select date_trunc('day', created_at) as day, sum(total) from orders group by 1")
        )
        return [dict(r._mapping) for r in rows]
