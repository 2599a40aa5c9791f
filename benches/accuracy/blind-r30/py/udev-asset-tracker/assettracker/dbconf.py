"""Shared engine factory. Each process (web, bench agent, release script)
calls make_engine() exactly once."""
import logging
import os
import time

from sqlalchemy import Engine, create_engine, text

log = logging.getLogger(__name__)


def make_engine(retries: int = 8) -> Engine:
    engine = create_engine(
        os.environ.get("ASSET_DB_URL", "postgresql+psycopg://assets:assets@lab-db/assets"),
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=True,
    )
    for attempt in range(retries):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except Exception as exc:  # noqa: BLE001 - start-up probe only
            log.warning("db probe %d/%d failed: %s", attempt + 1, retries, exc)
            time.sleep(min(2 ** attempt, 30))
    engine.dispose()
    raise RuntimeError("asset database unreachable")
