"""Refund worker process: reliable queue on Redis (BLMOVE), one engine for the process."""
import json
import logging
import os
import time

import redis
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from orders_common.db import make_engine

log = logging.getLogger("refund-worker")

PENDING = "refunds:pending"
PROCESSING = "refunds:processing"


def wait_for_database(engine, attempts: int = 10) -> None:
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except OperationalError:
            log.warning("database not ready (attempt %s/%s)", attempt, attempts)
            time.sleep(min(2**attempt, 30))
    raise SystemExit("database unavailable, giving up")


def process(engine, job: dict) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO refunds (order_id, reason, status) VALUES (:id, :reason, 'issued')"),
            {"id": job["order_id"], "reason": job["reason"]},
        )
        conn.execute(text("UPDATE orders SET status = 'refunded' WHERE id = :id"), {"id": job["order_id"]})


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=2)
    wait_for_database(engine)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

    while True:
        raw = r.blmove(PENDING, PROCESSING, timeout=5, src="RIGHT", dest="LEFT")
        if raw is None:
            continue
        try:
            process(engine, json.loads(raw))
        except Exception:
            log.exception("refund failed, leaving in %s", PROCESSING)
            continue
        r.lrem(PROCESSING, 1, raw)


if __name__ == "__main__":
    main()
