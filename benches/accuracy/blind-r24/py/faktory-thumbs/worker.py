"""Thumbnail worker process: `python worker.py` (one per container)."""
import logging
import os
import time

import psycopg
from faktory import Worker
from psycopg_pool import ConnectionPool

from jobs import make_handlers

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("thumbs")

DSN = os.environ.get("DATABASE_URL", "postgresql://media@db:5432/shop")
FAKTORY_URL = os.environ.get("FAKTORY_URL", "tcp://faktory:7419")
CONCURRENCY = int(os.environ.get("CONCURRENCY", "6"))


def wait_for_database(attempts: int = 20) -> None:
    for attempt in range(1, attempts + 1):
        try:
            with psycopg.connect(DSN, connect_timeout=3) as probe:
                probe.execute("SELECT 1")
            return
        except psycopg.OperationalError as exc:
            log.info("database not ready (attempt %d): %s", attempt, exc)
            time.sleep(min(2 * attempt, 15))
    raise SystemExit("database never became reachable")


def main() -> None:
    wait_for_database()
    pool = ConnectionPool(DSN, min_size=2, max_size=CONCURRENCY, open=True)
    try:
        worker = Worker(
            faktory=FAKTORY_URL,
            queues=["media", "default"],
            concurrency=CONCURRENCY,
            use_threads=True,
        )
        for name, fn in make_handlers(pool).items():
            worker.register(name, fn)
        worker.run()
    finally:
        pool.close()


if __name__ == "__main__":
    main()
