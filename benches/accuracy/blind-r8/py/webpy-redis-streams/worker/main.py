import json
import logging
import os
import socket
import time

import redis
from sqlalchemy import text

from worker.db import engine

log = logging.getLogger("fulfilment")

STREAM = "orders:new"
GROUP = "fulfilment"
CONSUMER = f"{socket.gethostname()}-{os.getpid()}"


def wait_for_redis(url: str, attempts: int = 15) -> redis.Redis:
    client = redis.Redis.from_url(url, decode_responses=True)
    for attempt in range(attempts):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            log.warning("redis not reachable, attempt %d/%d", attempt + 1, attempts)
            time.sleep(2)
    else:
        raise SystemExit("redis never came up")
    return client


def fulfil(order_id: int) -> None:
    with engine.begin() as conn:
        items = conn.execute(text("SELECT items FROM orders WHERE id = :id FOR UPDATE"), {"id": order_id}).scalar_one()
        for item in json.loads(items):
            conn.execute(
                text("UPDATE inventory SET reserved = reserved + :q WHERE sku = :sku"),
                {"q": item["qty"], "sku": item["sku"]},
            )
        conn.execute(text("UPDATE orders SET status = 'fulfilling' WHERE id = :id"), {"id": order_id})


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = wait_for_redis(os.environ["REDIS_URL"])
    try:
        r.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise
    while True:
        batches = r.xreadgroup(GROUP, CONSUMER, {STREAM: ">"}, count=20, block=5000)
        for _stream, entries in batches or []:
            for entry_id, fields in entries:
                try:
                    fulfil(int(fields["order_id"]))
                except Exception:
                    log.exception("order %s failed", fields.get("order_id"))
                    continue
                r.xack(STREAM, GROUP, entry_id)


if __name__ == "__main__":
    main()
