import json
import logging

from awsiot.greengrasscoreipc.model import QOS, SubscriptionResponseMessage

log = logging.getLogger(__name__)

DELIVERY_STREAM = "line-telemetry"
DEFAULT_REGION = "eu-central-1"


class TelemetryHandler:
    """Invoked by the IPC client for every message published on factory/+/telemetry."""

    def __init__(self, pool, firehoses, ipc):
        self.pool = pool
        self.firehoses = firehoses
        self.ipc = ipc

    def __call__(self, event: SubscriptionResponseMessage) -> None:
        if event.json_message is None:
            return
        msg = event.json_message.message
        topic = event.json_message.context.topic
        line_id = topic.split("/")[1]

        try:
            with self.pool.connection() as conn:
                conn.execute(
                    "INSERT INTO telemetry (line_id, ts, speed, rejects, fault) "
                    "VALUES (%s, to_timestamp(%s), %s, %s, %s)",
                    (line_id, msg["ts"], msg["speed"], msg.get("rejects", 0), msg.get("fault")),
                )
        except Exception:
            log.exception("could not store telemetry for %s", line_id)

        record = (json.dumps({"line": line_id, **msg}) + "\n").encode()
        self.firehoses.get(msg.get("region", DEFAULT_REGION)).put_record(
            DeliveryStreamName=DELIVERY_STREAM, Record={"Data": record}
        )

        if msg.get("fault"):
            self.ipc.publish_to_iot_core(
                topic_name=f"lines/{line_id}/faults",
                qos=QOS.AT_LEAST_ONCE,
                payload=record,
            )
