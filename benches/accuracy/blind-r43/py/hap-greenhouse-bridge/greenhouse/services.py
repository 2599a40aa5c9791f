import logging
import os
import time
from dataclasses import dataclass

import httpx
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

log = logging.getLogger(__name__)

DATABASE_URL = os.environ.get("GREENHOUSE_DB", "postgresql+psycopg://gh@pi-db.local/greenhouse")
CONTROLLER_URL = os.environ.get("GREENHOUSE_CONTROLLER", "http://irrigation.local:8080/api")


@dataclass
class Services:
    engine: Engine
    Session: sessionmaker
    http: httpx.Client

    def close(self):
        self.http.close()
        self.engine.dispose()


def build_services(max_attempts=10):
    """Called once from main(); the bridge shares these for its whole life."""
    engine = create_engine(DATABASE_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)
    for attempt in range(1, max_attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError:
            log.warning("database not reachable yet (attempt %d/%d)", attempt, max_attempts)
            time.sleep(min(2 ** attempt, 30))
    else:
        engine.dispose()
        raise SystemExit("greenhouse database unreachable, giving up")

    http = httpx.Client(base_url=CONTROLLER_URL, timeout=5.0)
    return Services(engine=engine, Session=sessionmaker(engine), http=http)
