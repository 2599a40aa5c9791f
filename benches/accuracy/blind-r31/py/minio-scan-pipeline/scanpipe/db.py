"""Shared engine factory. Each Procfile process calls make_engine() exactly once."""
import logging
import os
import time

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(attempts: int = 8) -> Engine:
    engine = create_engine(
        os.environ.get("SCANS_DB_URL", "oracle+oracledb://scans:@docs-db.internal:1521/?service_name=DOCSPDB"),
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
    )
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1 FROM dual"))
            break
        except OperationalError:
            if attempt == attempts:
                engine.dispose()
                raise
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    return engine
