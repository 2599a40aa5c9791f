"""Postgres storage for simulation runs (one engine for the recorder process)."""
import os
from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger, Column, DateTime, Float, Integer, MetaData, String, Table,
    create_engine, insert, update,
)

DATABASE_URL = os.environ.get(
    "SIM_DATABASE_URL", "postgresql+psycopg2://sim:sim@simdb.internal/simruns")

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
metadata = MetaData()

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("town", String(32), nullable=False),
    Column("vehicle", String(64), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
)

telemetry = Table(
    "telemetry", metadata,
    Column("run_id", Integer, nullable=False),
    Column("frame", BigInteger, nullable=False),
    Column("sim_time", Float, nullable=False),
    Column("x", Float), Column("y", Float), Column("yaw", Float),
    Column("speed_kmh", Float),
)

lane_events = Table(
    "lane_events", metadata,
    Column("run_id", Integer, nullable=False),
    Column("frame", BigInteger, nullable=False),
    Column("marking", String(32), nullable=False),
)


def create_run(town, vehicle):
    with engine.begin() as conn:
        result = conn.execute(
            insert(runs).values(town=town, vehicle=vehicle,
                                started_at=datetime.now(timezone.utc))
            .returning(runs.c.id))
        return result.scalar_one()


def finish_run(run_id):
    with engine.begin() as conn:
        conn.execute(update(runs).where(runs.c.id == run_id)
                     .values(finished_at=datetime.now(timezone.utc)))


def insert_telemetry(rows):
    if not rows:
        return
    with engine.begin() as conn:
        conn.execute(insert(telemetry), rows)
