import logging
import os
import time

from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table, create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

metadata = MetaData()
counters = Table(
    "if_counters",
    metadata,
    Column("device", String(64), nullable=False),
    Column("interface", String(64), nullable=False),
    Column("ts", DateTime(timezone=True), nullable=False),
    Column("in_errors", BigInteger),
    Column("out_errors", BigInteger),
    Column("in_discards", BigInteger),
)


def make_engine(url: str | None = None, attempts: int = 8) -> Engine:
    """Build the process's one engine. Each Procfile process calls this once at start-up."""
    url = url or os.environ["NETWATCH_DB_URL"]
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as e:
            engine.dispose()
            log.warning("database not ready (%d/%d): %s", attempt, attempts, e)
            time.sleep(min(3 * attempt, 20))
    raise RuntimeError("database unreachable")
