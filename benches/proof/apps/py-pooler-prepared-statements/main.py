"""A FastAPI app on SQLAlchemy + asyncpg behind a transaction-mode pooler (PgBouncer / Supabase's
pooler on port 6543), with asyncpg's prepared statements left on (seed 001, solution 2)."""
import os

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://app@127.0.0.1:6543/app")

engine = create_async_engine(DATABASE_URL)

app = FastAPI()


@app.exception_handler(Exception)
async def show_error(request: Request, exc: Exception):
    return JSONResponse({"error": f"{type(exc).__name__}: {exc}"[:300]}, status_code=500)


@app.get("/items/{item_id}")
async def read_item(item_id: int):
    async with engine.connect() as conn:
        row = (await conn.execute(text("select :id + 0"), {"id": item_id})).one()
    return {"id": row[0]}
