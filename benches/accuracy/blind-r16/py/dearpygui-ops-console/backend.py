"""Connections for the ops console. Built once by main() and shared by every callback."""
import logging
import os
import time
from dataclasses import dataclass

import psycopg
import requests
from psycopg_pool import ConnectionPool

log = logging.getLogger("ops")

PG_DSN = os.environ.get("PG_DSN", "postgresql://ops_ro:ops@replica.internal:5432/shop")
FULFILLMENT_URL = os.environ.get("FULFILLMENT_URL", "https://fulfillment.internal/api")


@dataclass
class Backend:
    pool: ConnectionPool
    http: requests.Session

    def close(self) -> None:
        self.http.close()
        self.pool.close()


def connect(max_attempts: int = 10) -> Backend:
    # the replica is often still starting when the console is launched from the kiosk login
    for attempt in range(1, max_attempts + 1):
        try:
            with psycopg.connect(PG_DSN, connect_timeout=5) as probe:
                probe.execute("SELECT 1")
            break
        except psycopg.OperationalError as exc:
            log.warning("database not reachable (attempt %d/%d): %s", attempt, max_attempts, exc)
            time.sleep(min(2 ** attempt, 30))
    else:
        raise SystemExit("database unavailable, giving up")

    pool = ConnectionPool(PG_DSN, min_size=1, max_size=4, open=True)
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {os.environ.get('FULFILLMENT_TOKEN', '')}"
    return Backend(pool=pool, http=http)
