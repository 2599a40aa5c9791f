import functools
import os
from datetime import date

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(os.environ["WAREHOUSE_URL"], pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(engine)


@functools.lru_cache(maxsize=1)
def forecast_api() -> httpx.Client:
    return httpx.Client(base_url=os.environ.get("FORECAST_URL", "http://forecast:8000"), timeout=10)


def regions() -> list[str]:
    with SessionLocal() as session:
        return list(session.scalars(text("SELECT DISTINCT region FROM sales ORDER BY 1")))


def daily_sales(region: str, since: date) -> list[dict]:
    with SessionLocal() as session:
        rows = session.execute(
            text("SELECT day, units, revenue FROM daily_sales WHERE region = :r AND day >= :d ORDER BY day"),
            {"r": region, "d": since},
        ).mappings().all()
    return [dict(r) for r in rows]


def forecast(region: str, days: int) -> list[dict]:
    resp = forecast_api().get("/forecast", params={"region": region, "days": days})
    resp.raise_for_status()
    return resp.json()["points"]


def flag_region(region: str, note: str) -> None:
    with SessionLocal.begin() as session:
        session.execute(
            text("INSERT INTO region_flags (region, note, created_at) VALUES (:r, :n, now())"),
            {"r": region, "n": note},
        )
