import json
import logging
import os
import signal
import threading
from concurrent.futures import Future

from awscrt import mqtt5
from awsiot import mqtt5_client_builder
from sqlalchemy import text

from .db import make_engine

log = logging.getLogger("fleet.ingest")

INSERT = text(
    "INSERT INTO telemetry_raw (vehicle_id, ts, lat, lon, speed_kmh, fuel_pct, payload) "
    "VALUES (:vehicle_id, to_timestamp(:ts), :lat, :lon, :speed, :fuel, CAST(:payload AS jsonb))"
)


class TelemetrySink:
    def __init__(self, engine):
        self.engine = engine

    def on_publish_received(self, data: mqtt5.PublishReceivedData):
        packet = data.publish_packet
        vehicle_id = packet.topic.split("/")[1]
        try:
            body = json.loads(packet.payload)
        except ValueError:
            log.warning("dropping non-JSON payload from %s", vehicle_id)
            return
        with self.engine.begin() as conn:
            conn.execute(
                INSERT,
                {
                    "vehicle_id": vehicle_id,
                    "ts": body["ts"],
                    "lat": body.get("lat"),
                    "lon": body.get("lon"),
                    "speed": body.get("speed_kmh"),
                    "fuel": body.get("fuel_pct"),
                    "payload": json.dumps(body),
                },
            )


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=4)
    sink = TelemetrySink(engine)
    stopped = threading.Event()
    connected: Future = Future()

    client = mqtt5_client_builder.mtls_from_path(
        endpoint=os.environ["IOT_ENDPOINT"],
        cert_filepath=os.environ["IOT_CERT"],
        pri_key_filepath=os.environ["IOT_KEY"],
        ca_filepath=os.environ.get("IOT_CA"),
        client_id=os.environ.get("IOT_CLIENT_ID", "fleet-ingest"),
        on_publish_received=sink.on_publish_received,
        on_lifecycle_connection_success=lambda d: connected.done() or connected.set_result(True),
        on_lifecycle_stopped=lambda d: stopped.set(),
    )
    client.start()
    connected.result(timeout=60)
    suback = client.subscribe(
        subscribe_packet=mqtt5.SubscribePacket(
            subscriptions=[mqtt5.Subscription(topic_filter="fleet/+/telemetry", qos=mqtt5.QoS.AT_LEAST_ONCE)]
        )
    ).result(timeout=30)
    log.info("subscribed: %s", suback.reason_codes)

    signal.signal(signal.SIGTERM, lambda *_: client.stop())
    try:
        stopped.wait()
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
