"""Shared by every process in the Procfile; each process calls make_engine() once."""
import logging
import os
import time

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

metadata = MetaData()

positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("vehicle", Integer, nullable=False),
    Column("ts", DateTime(timezone=True), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("alt_m", Float),
    Column("battery_pct", Float),
    Column("mode", String(32)),
)


def make_engine(attempts: int = 10) -> Engine:
    url = os.environ.get("DATABASE_URL", "mysql+pymysql://uav:uav@localhost:3306/telemetry")
    engine = create_engine(url, pool_size=3, max_overflow=2, pool_pre_ping=True, pool_recycle=3600)
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError:
            log.warning("database unavailable (%d/%d)", attempt, attempts)
            if attempt == attempts:
                engine.dispose()
                raise
            time.sleep(3)
    return engine
