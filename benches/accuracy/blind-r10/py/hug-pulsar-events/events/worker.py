"""Pulsar consumer process (python -m events.worker)."""
import json
import logging
import os
import time

import pulsar
from pulsar.exceptions import ConnectError, Timeout
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from events.db import make_engine

log = logging.getLogger("events.worker")


def subscribe_with_retry(client: pulsar.Client, attempts: int = 10) -> pulsar.Consumer:
    for attempt in range(1, attempts + 1):
        try:
            return client.subscribe(
                "persistent://public/default/events-ingest",
                subscription_name="events-processor",
                consumer_type=pulsar.ConsumerType.Shared,
            )
        except ConnectError:
            log.warning("pulsar not reachable (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 * attempt, 20))
    raise SystemExit("giving up on pulsar")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    Session = sessionmaker(engine)
    client = pulsar.Client(os.environ.get("PULSAR_URL", "pulsar://localhost:6650"))
    consumer = subscribe_with_retry(client)
    try:
        while True:
            try:
                msg = consumer.receive(timeout_millis=5000)
            except Timeout:
                continue
            event = json.loads(msg.data())
            try:
                with Session.begin() as session:
                    session.execute(
                        text("UPDATE events SET processed_at = now() WHERE id = :id AND processed_at IS NULL"),
                        {"id": event["id"]},
                    )
                consumer.acknowledge(msg)
            except Exception:
                log.exception("failed to process %s", event.get("id"))
                consumer.negative_acknowledge(msg)
    finally:
        consumer.close()
        client.close()
        engine.dispose()


if __name__ == "__main__":
    main()
