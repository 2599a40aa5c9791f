"""Long-lived clients shared by every PyWebIO session in this process."""
import os
from decimal import Decimal
from functools import lru_cache

import redis
import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg://fx:fx@pg.internal:5432/treasury"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)
SessionLocal = sessionmaker(engine, expire_on_commit=False)

_http = requests.Session()
_http.mount("https://", HTTPAdapter(pool_connections=4, pool_maxsize=16, max_retries=2))
RATES_API = os.environ.get("RATES_API", "https://rates.internal/v1/latest")


@lru_cache(maxsize=1)
def get_redis():
    return redis.Redis.from_url(
        os.environ.get("REDIS_URL", "redis://redis.internal:6379/1"), decode_responses=True
    )


def latest_rate(base, quote):
    key = f"fx:{base}:{quote}"
    cached = get_redis().get(key)
    if cached:
        return Decimal(cached)
    resp = _http.get(RATES_API, params={"base": base, "symbols": quote}, timeout=5)
    resp.raise_for_status()
    rate = Decimal(str(resp.json()["rates"][quote]))
    get_redis().set(key, str(rate), ex=60)
    return rate


def book_trade(desk, base, quote, amount, rate):
    with SessionLocal() as session, session.begin():
        session.execute(
            text(
                "INSERT INTO fx_trades (desk, base, quote, amount, rate) "
                "VALUES (:desk, :base, :quote, :amount, :rate)"
            ),
            {"desk": desk, "base": base, "quote": quote, "amount": amount, "rate": rate},
        )


def recent_trades(desk, limit=15):
    with SessionLocal() as session:
        rows = session.execute(
            text(
                "SELECT booked_at, base, quote, amount, rate FROM fx_trades "
                "WHERE desk = :desk ORDER BY booked_at DESC LIMIT :limit"
            ),
            {"desk": desk, "limit": limit},
        ).all()
    return [list(row) for row in rows]
