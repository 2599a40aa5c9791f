"""Gearman worker: `python worker.py` runs forever; advance_order is called once per job."""
import json
import logging
import os
import socket

import gearman
import redis

import orders
import receivers  # noqa: F401  (connects the blinker receivers)
from db import pool

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("fulfilment")

GEARMAN_SERVERS = os.environ.get("GEARMAN_SERVERS", "gearmand.lan:4730").split(",")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.lan:6379/2")


def advance_order(gearman_worker, gearman_job):
    job = json.loads(gearman_job.data)
    dedupe = redis.Redis.from_url(REDIS_URL)
    if not dedupe.set(f"fulfil:job:{job['job_id']}", 1, nx=True, ex=3600):
        return json.dumps({"status": "duplicate"})

    with pool.connection() as conn:
        row = conn.execute(
            "SELECT state, carrier, tracking FROM orders WHERE id = %s", (job["order_id"],)
        ).fetchone()
    if row is None:
        return json.dumps({"status": "unknown-order"})

    order = orders.load(job["order_id"], row[0], carrier=row[1], tracking=row[2])
    name = job["trigger"]
    if name not in orders.TRIGGERS or not getattr(order, f"may_{name}")():
        return json.dumps({"status": "rejected", "state": order.state})
    getattr(order, name)()
    return json.dumps({"status": "ok", "state": order.state})


def main():
    worker = gearman.GearmanWorker(GEARMAN_SERVERS)
    worker.set_client_id(f"fulfilment-{socket.gethostname()}-{os.getpid()}")
    worker.register_task("order.advance", advance_order)
    log.info("waiting for jobs on %s", GEARMAN_SERVERS)
    try:
        worker.work()
    finally:
        pool.close()


if __name__ == "__main__":
    main()
