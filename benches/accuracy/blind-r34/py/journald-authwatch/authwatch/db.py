import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(url=None, attempts=8):
    engine = create_engine(
        url or os.environ.get("AUTHWATCH_DB_URL", "postgresql+psycopg://authwatch@sec-db/authwatch"),
        pool_size=2,
        max_overflow=0,
        pool_pre_ping=True,
    )
    for attempt in range(attempts):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            log.warning("database not reachable yet (%s), retry %d", exc, attempt + 1)
            time.sleep(min(2 ** attempt, 30))
    engine.dispose()
    raise SystemExit("authwatch: database unavailable")
