"""Database helpers shared by the web process and the spool worker.

Each process calls make_engine() exactly once at start-up and keeps the
engine for its whole lifetime.
"""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

log = logging.getLogger("portal.db")

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://portal@db:5432/portal")


def make_engine(pool_size, application_name, attempts=8):
    engine = create_engine(
        DATABASE_URL,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        connect_args={"application_name": application_name},
    )
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except Exception as exc:
            log.warning("database not ready (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(min(2 ** attempt, 30))
    engine.dispose()
    raise RuntimeError("database never became ready")


def make_sessionmaker(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)
