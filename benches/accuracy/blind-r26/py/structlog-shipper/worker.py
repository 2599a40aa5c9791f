import json
import os
import signal

import redis
import structlog

from logging_setup import configure_logging

log = structlog.get_logger()
_running = True


def _stop(signum, frame):
    global _running
    _running = False


def render_invoice(job):
    structlog.contextvars.bind_contextvars(tenant=job["tenant"], invoice_id=job["invoice_id"])
    log.info("render.start", lines=len(job.get("lines", [])))
    total = sum(line["qty"] * line["unit_price"] for line in job.get("lines", []))
    log.info("render.done", total=total, audit=True)
    structlog.contextvars.clear_contextvars()


def main():
    http, audit = configure_logging()
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    signal.signal(signal.SIGTERM, _stop)
    try:
        while _running:
            item = r.blmove("invoices:pending", "invoices:processing", timeout=5)
            if item is None:
                continue
            job = json.loads(item)
            try:
                render_invoice(job)
                r.lrem("invoices:processing", 1, item)
            except Exception:
                log.exception("render.failed", invoice_id=job.get("invoice_id"))
                r.lmove("invoices:processing", "invoices:failed", "RIGHT", "LEFT")
    finally:
        audit.close()
        http.close()
        r.close()


if __name__ == "__main__":
    main()
