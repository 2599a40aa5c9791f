import base64
import json
import logging

from . import clients, db

log = logging.getLogger(__name__)


def on_partition_initialize(partition_context):
    log.info("claimed partition %s", partition_context.partition_id)


def on_error(partition_context, error):
    pid = partition_context.partition_id if partition_context else "-"
    log.error("event hub error on partition %s: %r", pid, error)


def on_event_batch(partition_context, events):
    if not events:
        return

    container = clients.readings_container()
    conn = db.pool.getconn()
    with conn.cursor() as cur:
        for event in events:
            reading = json.loads(event.body_as_str())
            container.upsert_item(
                {
                    "id": f"{reading['meter_id']}:{reading['ts']}",
                    "meterId": reading["meter_id"],
                    "kwh": reading["kwh"],
                    "ts": reading["ts"],
                }
            )
            cur.execute(
                "INSERT INTO meter_totals (meter_id, kwh) VALUES (%s, %s) "
                "ON CONFLICT (meter_id) DO UPDATE SET kwh = meter_totals.kwh + EXCLUDED.kwh",
                (reading["meter_id"], reading["kwh"]),
            )
            if reading.get("photo_b64"):
                blobs = clients.attachments_service()
                blobs.get_blob_client("meter-photos", f"{reading['meter_id']}/{reading['ts']}.jpg").upload_blob(
                    base64.b64decode(reading["photo_b64"]), overwrite=True
                )
    conn.commit()

    partition_context.update_checkpoint()
