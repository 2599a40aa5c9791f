"""A FastAPI route that builds its SQLAlchemy engine on every request (seed 002's situation, in
Python): each request opens its own pool, and so its own server connection."""
import os

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine, text

DATABASE_URL = os.environ["DATABASE_URL"]

app = FastAPI()


@app.exception_handler(Exception)
async def show_error(request: Request, exc: Exception):
    return JSONResponse({"error": f"{type(exc).__name__}: {exc}"[:300]}, status_code=500)


@app.get("/users/{user_id}")
def read_user(user_id: int):
    engine = create_engine(DATABASE_URL)
    with engine.connect() as conn:
        row = conn.execute(text("select :id, pg_sleep(0.05)"), {"id": user_id}).one()
    return {"id": row[0]}
