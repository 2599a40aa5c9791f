"""Label worker (the `worker` process): consumes shipments:created from a
Redis stream consumer group and buys labels from the carrier gateway."""

import logging
import os
import socket
import time

import httpx
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from walrus import Database

from shipping.db import make_engine

log = logging.getLogger("shipping.worker")

STREAM = "shipments:created"
GROUP = "label-workers"


def connect_with_retry(attempts=20):
    engine = make_engine("worker", pool_size=2)
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            log.warning("db not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(min(attempt * 2, 20))
    raise SystemExit("database unavailable")


def buy_label(carriers, engine, shipment_id):
    with engine.begin() as conn:
        row = conn.execute(
            text("SELECT id, carrier, weight_grams FROM shipments WHERE id = :id FOR UPDATE"),
            {"id": shipment_id},
        ).mappings().first()
        if row is None:
            return
        resp = carriers.post(f"/v2/{row['carrier']}/labels", json={"ref": row["id"], "grams": row["weight_grams"]})
        resp.raise_for_status()
        conn.execute(
            text("UPDATE shipments SET status = 'labelled', tracking_no = :t WHERE id = :id"),
            {"t": resp.json()["tracking_number"], "id": row["id"]},
        )


def main():
    logging.basicConfig(level=logging.INFO)
    engine = connect_with_retry()
    rdb = Database.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    carriers = httpx.Client(base_url=os.environ.get("CARRIER_GATEWAY", "https://carriers.internal"), timeout=10)
    cg = rdb.consumer_group(GROUP, [STREAM], consumer=socket.gethostname())
    cg.create(mkstream=True)
    try:
        while True:
            for _stream, messages in cg.read(count=20, block=5000) or []:
                for msg_id, data in messages:
                    try:
                        buy_label(carriers, engine, int(data[b"shipment_id"]))
                    except httpx.HTTPError:
                        log.exception("label purchase failed for %s", data)
                        continue
                    rdb.xack(STREAM, GROUP, msg_id)
    finally:
        carriers.close()
        engine.dispose()


if __name__ == "__main__":
    main()
