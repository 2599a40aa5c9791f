"""Carrier-event consumer: one rabbitpy consumer loop per process."""
import json
import logging
import os

import rabbitpy
from sqlalchemy import text

from .db import make_engine

log = logging.getLogger("shipments.worker")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@rabbit:5672/%2F")
QUEUE = "carrier-events"


def apply_event(engine, event: dict) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO shipment_events (tracking_no, kind, at, location) "
                "VALUES (:t, :k, :at, :loc)"
            ),
            {"t": event["tracking_no"], "k": event["kind"], "at": event["at"], "loc": event.get("location")},
        )
        conn.execute(
            text("UPDATE shipments SET status = :k, eta = coalesce(:eta, eta) WHERE tracking_no = :t"),
            {"k": event["kind"], "eta": event.get("eta"), "t": event["tracking_no"]},
        )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=2)
    try:
        with rabbitpy.Connection(AMQP_URL) as conn:
            with conn.channel() as channel:
                queue = rabbitpy.Queue(channel, QUEUE, durable=True)
                queue.declare()
                for message in queue.consume(prefetch=20):
                    try:
                        apply_event(engine, json.loads(message.body))
                    except (ValueError, KeyError) as exc:
                        log.error("dropping malformed event: %s", exc)
                        message.reject(requeue=False)
                        continue
                    message.ack()
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
