"""A FastAPI dependency that opens a SQLAlchemy session and never closes it (seed 001, solution 3:
`get_db` without `finally: session.close()`)."""
import os

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

DATABASE_URL = os.environ["DATABASE_URL"]

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=10, pool_timeout=5)
SessionLocal = sessionmaker(bind=engine)

app = FastAPI()


@app.exception_handler(Exception)
async def show_error(request: Request, exc: Exception):
    return JSONResponse({"error": f"{type(exc).__name__}: {exc}"[:300]}, status_code=500)


def get_db():
    db = SessionLocal()
    yield db


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    row = db.execute(text("select :id, pg_sleep(0.05)"), {"id": user_id}).one()
    return {"id": row[0]}
