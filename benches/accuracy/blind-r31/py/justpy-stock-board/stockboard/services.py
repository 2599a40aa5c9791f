"""Shared clients for the stock board. build_services() is only called from the
JustPy startup hook, so there is one engine and one HTTP client per process."""
import os
from dataclasses import dataclass

import httpx
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import sessionmaker


@dataclass
class Services:
    engine: Engine
    Session: sessionmaker
    http: httpx.Client


def build_services() -> Services:
    engine = create_engine(
        os.environ.get("STOCK_DB_URL", "postgresql+psycopg://stockboard@inventory-db.internal/inventory"),
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
    )
    http = httpx.Client(
        base_url=os.environ.get("REPLENISH_API", "http://replenish.internal:8000"),
        timeout=5.0,
    )
    return Services(engine=engine, Session=sessionmaker(bind=engine), http=http)
