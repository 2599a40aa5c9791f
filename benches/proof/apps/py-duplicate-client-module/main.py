"""A FastAPI app whose users routes use db.py's engine and whose reports use reports.py's."""
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from db import engine
from reports import daily_report

app = FastAPI()


@app.exception_handler(Exception)
async def show_error(request: Request, exc: Exception):
    return JSONResponse({"error": f"{type(exc).__name__}: {exc}"[:300]}, status_code=500)


@app.get("/users/{user_id}")
def read_user(user_id: int):
    with engine.connect() as conn:
        row = conn.execute(text("select :id from pg_sleep(0.2)"), {"id": user_id}).one()
    return {"id": row[0]}


@app.get("/reports/{day}")
def report(day: int):
    return {"day": daily_report(day)}
