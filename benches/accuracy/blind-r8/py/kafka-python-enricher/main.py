import json
import logging
import os

from kafka import KafkaConsumer

from handlers import EventHandler

log = logging.getLogger("enricher")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    consumer = KafkaConsumer(
        "account-events",
        bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"].split(","),
        group_id="enricher",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
    )
    handler = EventHandler()
    try:
        for message in consumer:
            try:
                handler.handle(message.value)
            except Exception:
                log.exception("failed to handle offset %s", message.offset)
            consumer.commit()
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
