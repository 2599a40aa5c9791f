import logging
import os
import time

import httpx
import redis
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

REST_BASE = {
    "binance": "https://api.binance.com",
    "kraken": "https://api.kraken.com",
}

_rest_clients: dict[str, httpx.Client] = {}


def make_engine(url: str, attempts: int = 10):
    engine = create_engine(url, pool_size=2, max_overflow=0, pool_pre_ping=True)
    for attempt in range(attempts):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError:
            if attempt == attempts - 1:
                raise
            log.warning("database not reachable yet, retry %d", attempt + 1)
            time.sleep(min(2**attempt, 30))
    return engine


def make_redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, health_check_interval=30)


def rest_for(exchange: str) -> httpx.Client:
    """One REST client per exchange, created on first use and reused afterwards."""
    client = _rest_clients.get(exchange)
    if client is None:
        client = httpx.Client(base_url=REST_BASE[exchange], timeout=10.0)
        _rest_clients[exchange] = client
    return client


def close_rest_clients() -> None:
    for client in _rest_clients.values():
        client.close()
    _rest_clients.clear()
