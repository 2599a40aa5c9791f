import json
import logging
import os
import socket
import time

import valkey
from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import make_engine

log = logging.getLogger("reports.worker")

VALKEY_URL = os.environ.get("VALKEY_URL", "valkey://valkey:6379/0")
STREAM = "orders:completed"
GROUP = "daily-sales"
CONSUMER = socket.gethostname()

UPSERT_SQL = text(
    "INSERT INTO daily_sales (store_id, day, orders, revenue_cents) VALUES (:store, :day, 1, :cents) "
    "ON DUPLICATE KEY UPDATE orders = orders + 1, revenue_cents = revenue_cents + VALUES(revenue_cents)"
)


def connect_valkey(attempts=10):
    client = valkey.Valkey.from_url(VALKEY_URL, decode_responses=True, socket_timeout=10)
    for attempt in range(1, attempts + 1):
        try:
            client.ping()
            break
        except valkey.exceptions.ConnectionError as exc:
            log.warning("valkey not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(2 * attempt)
    else:
        raise SystemExit("valkey never became reachable")
    try:
        client.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except valkey.exceptions.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise
    return client


def handle(engine, fields):
    order = json.loads(fields["payload"])
    with Session(engine) as session, session.begin():
        session.execute(
            UPSERT_SQL,
            {"store": order["store_id"], "day": order["completed_at"][:10], "cents": order["total_cents"]},
        )


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=2)
    stream = connect_valkey()
    try:
        while True:
            batches = stream.xreadgroup(GROUP, CONSUMER, {STREAM: ">"}, count=100, block=5000)
            for _name, messages in batches or []:
                for msg_id, fields in messages:
                    try:
                        handle(engine, fields)
                    except Exception:
                        log.exception("failed to apply %s", msg_id)
                        continue
                    stream.xack(STREAM, GROUP, msg_id)
    except KeyboardInterrupt:
        pass
    finally:
        stream.close()
        engine.dispose()


if __name__ == "__main__":
    main()
