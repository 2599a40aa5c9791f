"""Billing worker: pops invoice jobs from Redis and logs an audit trail."""
import json
import logging
import os

import httpx
import redis

from logship.config import configure

log = logging.getLogger("billing.worker")

LEDGER_URL = os.environ.get("LEDGER_URL", "http://ledger.internal:8080")


def notify_ledger(invoice: dict) -> None:
    client = httpx.Client(base_url=LEDGER_URL, timeout=10.0)
    resp = client.post("/v1/entries", json={"invoice": invoice["id"], "amount": invoice["amount"]})
    resp.raise_for_status()


def main() -> None:
    configure()
    queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    log.info("billing worker started")
    while True:
        item = queue.blpop("jobs:invoices", timeout=30)
        if item is None:
            continue
        invoice = json.loads(item[1])
        try:
            notify_ledger(invoice)
            log.info("invoice posted", extra={"audit": {"invoice": invoice["id"], "action": "posted"}})
        except httpx.HTTPError:
            log.exception("ledger rejected invoice %s", invoice["id"])


if __name__ == "__main__":
    main()
