"""A FastAPI app whose SQLAlchemy pool is larger than the server allows (seed 001: `pool_size=10`
plus overflow against a small connection limit). The server here has max_connections = 30."""
import os

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine, text

DATABASE_URL = os.environ["DATABASE_URL"]

engine = create_engine(DATABASE_URL, pool_size=20, max_overflow=30)

app = FastAPI()


@app.exception_handler(Exception)
async def show_error(request: Request, exc: Exception):
    return JSONResponse({"error": f"{type(exc).__name__}: {exc}"[:300]}, status_code=500)


@app.get("/report")
def report():
    with engine.connect() as conn:
        conn.execute(text("select pg_sleep(0.3)"))
    return {"ok": True}
