import json
import logging
import os
import signal

import ray
from confluent_kafka import Consumer, KafkaError

from enrich import GeoResolver, index_event
from store import get_conn, save_event

log = logging.getLogger("enricher")
running = True


def _stop(*_):
    global running
    running = False


def main() -> None:
    ray.init(address=os.environ.get("RAY_ADDRESS", "auto"))
    geo = GeoResolver.remote()

    consumer = Consumer(
        {
            "bootstrap.servers": os.environ.get("KAFKA_BROKERS", "localhost:9092"),
            "group.id": "click-enricher",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    consumer.subscribe(["clickstream"])
    signal.signal(signal.SIGTERM, _stop)

    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() != KafkaError._PARTITION_EOF:
                    log.error("kafka error: %s", msg.error())
                continue

            event = json.loads(msg.value())
            if event.get("ip"):
                event["country"] = ray.get(geo.country.remote(event["ip"]))

            conn = get_conn()
            try:
                save_event(conn, event)
            finally:
                conn.close()

            ray.get(index_event.remote(event))
            consumer.commit(message=msg, asynchronous=False)
    finally:
        consumer.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
