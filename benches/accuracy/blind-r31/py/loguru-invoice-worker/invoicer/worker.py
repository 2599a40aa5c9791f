"""Invoice rendering worker: BLMOVE jobs from Redis, render, store in Mongo."""
import json
import os
import sys

from loguru import logger

from invoicer.clients import make_http, make_mongo, make_redis
from invoicer.sinks import AlertSink, MongoSink

PENDING = "invoices:pending"
PROCESSING = "invoices:processing"


def configure_logging(http, mongo):
    logger.remove()
    logger.add(sys.stderr, level="INFO", serialize=True)
    logger.add(MongoSink(mongo.ops.worker_logs), level="INFO", enqueue=True)
    logger.add(AlertSink(http, os.environ["ONCALL_WEBHOOK_URL"]), level="ERROR", enqueue=True)


def render(job: dict, mongo) -> None:
    lines = job["lines"]
    total = sum(l["qty"] * l["unit_cents"] for l in lines)
    mongo.billing.invoices.update_one(
        {"_id": job["invoice_no"]},
        {"$set": {"customer": job["customer_id"], "lines": lines, "total_cents": total, "status": "rendered"}},
        upsert=True,
    )


def main():
    r = make_redis()
    mongo = make_mongo()
    http = make_http()
    configure_logging(http, mongo)
    logger.info("invoicer started")
    try:
        while True:
            raw = r.blmove(PENDING, PROCESSING, timeout=5, src="RIGHT", dest="LEFT")
            if raw is None:
                continue
            job = json.loads(raw)
            with logger.contextualize(invoice=job.get("invoice_no")):
                try:
                    render(job, mongo)
                    r.lrem(PROCESSING, 1, raw)
                    logger.info("rendered")
                except Exception:
                    logger.exception("render failed")
    finally:
        logger.complete()
        http.close()
        mongo.close()
        r.close()


if __name__ == "__main__":
    main()
