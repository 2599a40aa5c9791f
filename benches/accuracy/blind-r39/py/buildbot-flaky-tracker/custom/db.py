"""Flaky-test database shared by the custom steps and the reporter (buildmaster process)."""
import os

from sqlalchemy import Boolean, Column, DateTime, Float, Integer, MetaData, String, Table, create_engine, func

FLAKY_DB_URL = os.environ.get("FLAKY_DB_URL", "postgresql+psycopg2://buildbot@db.ci.internal/flaky")

engine = create_engine(FLAKY_DB_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)

metadata = MetaData()

test_runs = Table(
    "test_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("builder", String(120), nullable=False),
    Column("build_number", Integer, nullable=False),
    Column("test_id", String(400), nullable=False),
    Column("passed", Boolean, nullable=False),
    Column("duration", Float),
    Column("recorded_at", DateTime(timezone=True), server_default=func.now()),
)

build_outcomes = Table(
    "build_outcomes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("builder", String(120), nullable=False),
    Column("build_number", Integer, nullable=False),
    Column("results", Integer, nullable=False),
    Column("branch", String(200)),
    Column("finished_at", DateTime(timezone=True), server_default=func.now()),
)
