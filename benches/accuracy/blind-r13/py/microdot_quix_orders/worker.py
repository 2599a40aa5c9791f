"""Projector worker: folds order events from Kafka into the order_views collection."""
import logging
import os
import time

from pymongo.errors import ServerSelectionTimeoutError
from quixstreams import Application

from common.clients import make_mongo, make_redis

log = logging.getLogger("projector")


def connect_mongo_with_retry(attempts: int = 8):
    delay = 1.0
    for attempt in range(1, attempts + 1):
        client = make_mongo("orders-projector")
        try:
            client.admin.command("ping")
            return client
        except ServerSelectionTimeoutError:
            client.close()
            log.warning("mongo unavailable (attempt %d/%d)", attempt, attempts)
            time.sleep(delay)
            delay = min(delay * 2, 20)
    raise SystemExit("could not reach MongoDB")


def project(event: dict, views, cache) -> None:
    order_id = event["order_id"]
    views.update_one(
        {"_id": order_id},
        {
            "$set": {"status": event["type"], "customer_id": event["customer_id"], "updated_at": event["ts"]},
            "$setOnInsert": {"placed_at": event["ts"]},
            "$push": {"history": {"type": event["type"], "ts": event["ts"]}},
        },
        upsert=True,
    )
    cache.delete(f"order:{order_id}")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    mongo = connect_mongo_with_retry()
    views = mongo["shop"]["order_views"]
    cache = make_redis()

    app = Application(
        broker_address=os.environ.get("KAFKA_BROKERS", "kafka.internal:9092"),
        consumer_group="order-projector",
        auto_offset_reset="earliest",
    )
    topic = app.topic("order-events", value_deserializer="json")
    sdf = app.dataframe(topic)
    sdf = sdf.filter(lambda event: "order_id" in event)
    sdf = sdf.update(lambda event: project(event, views, cache))

    try:
        app.run(sdf)
    finally:
        cache.close()
        mongo.close()


if __name__ == "__main__":
    main()
