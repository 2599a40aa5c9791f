"""Shared database helpers. Each process calls make_engine() exactly once."""
import os

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

samples = Table(
    "host_samples",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("host", String(128), nullable=False, index=True),
    Column("taken_at", DateTime, nullable=False, server_default=func.now(), index=True),
    Column("cpu_pct", Float, nullable=False),
    Column("mem_pct", Float, nullable=False),
    Column("disk_pct", Float, nullable=False),
    Column("load_1m", Float, nullable=False),
    Column("net_sent_kb", Float, nullable=False),
    Column("net_recv_kb", Float, nullable=False),
)


def database_url() -> str:
    return os.environ.get(
        "DATABASE_URL", "mysql+pymysql://metrics:metrics@mysql:3306/hostmetrics?charset=utf8mb4"
    )


def make_engine(pool_size: int = 5, max_overflow: int = 5) -> Engine:
    return create_engine(
        database_url(),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_recycle=3600,
        pool_pre_ping=True,
    )
