"""MQTT -> ClickHouse sink for sensor readings (one long-running process)."""
import json
import logging
import os
import signal
import time
from datetime import datetime, timezone

import clickhouse_connect
import paho.mqtt.client as mqtt
from clickhouse_connect.driver.exceptions import OperationalError

log = logging.getLogger("mqtt-sink")

MQTT_HOST = os.environ.get("MQTT_HOST", "localhost")
TOPIC = os.environ.get("MQTT_TOPIC", "sensors/+/reading")
COLUMNS = ["sensor_id", "ts", "metric", "value"]


def connect_clickhouse(attempts: int = 12):
    """Retry at start-up only: ClickHouse may come up after us in docker-compose."""
    for attempt in range(1, attempts + 1):
        try:
            client = clickhouse_connect.get_client(
                host=os.environ.get("CH_HOST", "localhost"),
                port=int(os.environ.get("CH_PORT", "8123")),
                username=os.environ.get("CH_USER", "default"),
                password=os.environ.get("CH_PASSWORD", ""),
                database="telemetry",
            )
        except OperationalError as exc:
            log.warning("clickhouse not reachable (%s), attempt %d/%d", exc, attempt, attempts)
            time.sleep(5)
            continue
        log.info("connected to clickhouse %s", client.server_version)
        return client
    raise SystemExit("giving up on clickhouse")


class Sink:
    def __init__(self, ch, batch_size: int = 1000, max_age: float = 2.0) -> None:
        self.ch = ch
        self.batch_size = batch_size
        self.max_age = max_age
        self.rows: list[list] = []
        self.last_flush = time.monotonic()

    def on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        log.info("mqtt connected: %s", reason_code)
        client.subscribe(TOPIC, qos=1)

    def on_message(self, client, userdata, msg) -> None:
        sensor_id = msg.topic.split("/")[1]
        try:
            payload = json.loads(msg.payload)
        except ValueError:
            log.warning("bad payload on %s", msg.topic)
            return
        ts = datetime.fromtimestamp(payload.get("ts", time.time()), tz=timezone.utc)
        for metric, value in payload.get("metrics", {}).items():
            self.rows.append([sensor_id, ts, metric, float(value)])
        if len(self.rows) >= self.batch_size or time.monotonic() - self.last_flush > self.max_age:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.ch.insert("readings", self.rows, column_names=COLUMNS)
            log.debug("flushed %d rows", len(self.rows))
            self.rows = []
        self.last_flush = time.monotonic()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ch = connect_clickhouse()
    sink = Sink(ch)

    mqttc = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="clickhouse-sink", clean_session=False)
    mqttc.on_connect = sink.on_connect
    mqttc.on_message = sink.on_message
    mqttc.username_pw_set(os.environ.get("MQTT_USER"), os.environ.get("MQTT_PASSWORD"))
    mqttc.connect(MQTT_HOST, int(os.environ.get("MQTT_PORT", "1883")), keepalive=30)
    signal.signal(signal.SIGTERM, lambda *_: mqttc.disconnect())
    try:
        mqttc.loop_forever()
    finally:
        sink.flush()
        ch.close()


if __name__ == "__main__":
    main()
