"""Fulfilment listener: subscribes to order events on Redis pub/sub."""
import json
import logging
import os
import signal
import threading
import time

import redis
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from .db import describe, make_engine
from .handlers import FulfilmentHandlers
from .webhooks import TenantWebhooks

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("fulfil")


def wait_until_reachable(engine, attempts: int = 15) -> None:
    for attempt in range(attempts):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except OperationalError:
            log.info("db not reachable yet (attempt %d)", attempt + 1)
            time.sleep(2)
    raise RuntimeError("fulfilment DB unreachable")


def main() -> None:
    engine = make_engine()
    wait_until_reachable(engine)
    log.info("connected to %s", describe(engine))
    with open(os.environ.get("TENANTS_FILE", "tenants.json")) as fh:
        webhooks = TenantWebhooks(json.load(fh))
    handlers = FulfilmentHandlers(sessionmaker(engine, expire_on_commit=False), webhooks)

    bus = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    pubsub = bus.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(**{
        "orders.created": handlers.on_order_created,
        "orders.cancelled": handlers.on_order_cancelled,
    })
    listener = pubsub.run_in_thread(sleep_time=0.05, daemon=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()

    listener.stop()
    pubsub.close()
    bus.close()
    webhooks.close_all()
    engine.dispose()


if __name__ == "__main__":
    main()
