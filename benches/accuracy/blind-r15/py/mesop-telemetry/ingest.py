"""MQTT ingest worker (separate process): devices publish to devices/<id>/telemetry."""
import asyncio
import json
import logging
import os
import signal
import time
from datetime import datetime, timezone

from gmqtt import Client as MQTTClient
from pymongo.errors import PyMongoError

from common.mongo import make_mongo

log = logging.getLogger("ingest")


class Ingestor:
    def __init__(self, readings):
        self.readings = readings

    def on_connect(self, client, flags, rc, properties):
        client.subscribe("devices/+/telemetry", qos=1)
        log.info("subscribed")

    def on_message(self, client, topic, payload, qos, properties):
        device_id = topic.split("/")[1]
        body = json.loads(payload)
        self.readings.insert_one(
            {
                "device_id": device_id,
                "metric": body["metric"],
                "value": body["value"],
                "ts": datetime.now(timezone.utc),
            }
        )
        return 0


def wait_for_mongo():
    mongo = make_mongo("telemetry-ingest")
    for attempt in range(1, 16):
        try:
            mongo.admin.command("ping")
            return mongo
        except PyMongoError as exc:
            log.warning("mongo not reachable yet (attempt %d): %s", attempt, exc)
            time.sleep(2)
    raise SystemExit("mongo unavailable")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    mongo = wait_for_mongo()
    ingestor = Ingestor(mongo.telemetry.readings)

    client = MQTTClient("telemetry-ingest")
    client.on_connect = ingestor.on_connect
    client.on_message = ingestor.on_message
    client.set_auth_credentials(os.environ.get("MQTT_USER"), os.environ.get("MQTT_PASSWORD"))
    await client.connect(os.environ.get("MQTT_HOST", "mosquitto"), 1883, keepalive=30)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()

    await client.disconnect()
    mongo.close()


if __name__ == "__main__":
    asyncio.run(main())
