"""Consume device telemetry from RabbitMQ, store readings in Mongo and an audit row in Postgres."""
import json
import logging
import os
from datetime import datetime, timezone

import pika
import psycopg2.pool
from pymongo import MongoClient

log = logging.getLogger("telemetry-ingest")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
PG_DSN = os.environ.get("PG_DSN", "dbname=fleet user=ingest host=localhost")
QUEUE = "telemetry.readings"

pg_pool = psycopg2.pool.ThreadedConnectionPool(1, 5, PG_DSN)


def record_audit(device_id: str, kind: str, received_at: datetime) -> None:
    conn = pg_pool.getconn()
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO ingest_audit (device_id, kind, received_at) VALUES (%s, %s, %s)",
            (device_id, kind, received_at),
        )
    conn.commit()


def on_message(channel, method, properties, body: bytes) -> None:
    try:
        event = json.loads(body)
    except json.JSONDecodeError:
        log.warning("dropping malformed message %r", body[:80])
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return

    received_at = datetime.now(timezone.utc)
    mongo = MongoClient(MONGO_URL)
    mongo.fleet.readings.insert_one({**event, "received_at": received_at})
    record_audit(event["device_id"], event.get("kind", "reading"), received_at)
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=50)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    log.info("consuming %s", QUEUE)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()
        pg_pool.closeall()


if __name__ == "__main__":
    main()
