"""Conductor workers for the order fulfilment workflow (order_fulfilment_v3).

Each @worker_task function is polled by the TaskHandler and invoked once per
scheduled task in a running workflow.
"""
import logging
import os
from datetime import datetime, timezone

import boto3
from conductor.client.worker.worker_task import worker_task

from fulfil.clients import get_mongo, get_pool

log = logging.getLogger("fulfil.workers")

SES_FROM = os.environ.get("SES_FROM", "orders@shop.example")
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")


class OutOfStock(Exception):
    pass


@worker_task(task_definition_name="reserve_stock", poll_interval_millis=200)
def reserve_stock(order_id: str, lines: list) -> dict:
    pool = get_pool()
    conn = pool.getconn()
    with conn.cursor() as cur:
        for line in lines:
            cur.execute(
                "UPDATE stock SET reserved = reserved + %s "
                "WHERE sku = %s AND on_hand - reserved >= %s",
                (line["qty"], line["sku"], line["qty"]),
            )
            if cur.rowcount != 1:
                conn.rollback()
                raise OutOfStock(f"{line['sku']} cannot cover {line['qty']} for {order_id}")
        cur.execute(
            "UPDATE orders SET status = 'reserved', reserved_at = now() WHERE id = %s",
            (order_id,),
        )
    conn.commit()
    pool.putconn(conn)
    return {"order_id": order_id, "reserved_lines": len(lines)}


@worker_task(task_definition_name="send_confirmation", poll_interval_millis=500)
def send_confirmation(order_id: str, email: str, total_cents: int) -> dict:
    ses = boto3.client("sesv2", region_name=AWS_REGION)
    resp = ses.send_email(
        FromEmailAddress=SES_FROM,
        Destination={"ToAddresses": [email]},
        Content={
            "Simple": {
                "Subject": {"Data": f"Your order {order_id} is confirmed"},
                "Body": {
                    "Text": {
                        "Data": (
                            f"Thanks for your order {order_id}.\n"
                            f"Total charged: {total_cents / 100:.2f} EUR.\n"
                            "We will email you again when it ships."
                        )
                    }
                },
            }
        },
    )
    return {"order_id": order_id, "message_id": resp["MessageId"]}


@worker_task(task_definition_name="record_fulfilment_event", poll_interval_millis=500)
def record_fulfilment_event(order_id: str, stage: str, detail: dict | None = None) -> dict:
    mongo = get_mongo()
    events = mongo["fulfilment"]["events"]
    result = events.insert_one(
        {
            "order_id": order_id,
            "stage": stage,
            "detail": detail or {},
            "at": datetime.now(timezone.utc),
            "worker_pid": os.getpid(),
        }
    )
    log.info("order %s reached %s", order_id, stage)
    return {"event_id": str(result.inserted_id)}


@worker_task(task_definition_name="mark_shipped", poll_interval_millis=500)
def mark_shipped(order_id: str, tracking_number: str) -> dict:
    with get_pool().connection() as conn:
        conn.execute(
            "UPDATE orders SET status = 'shipped', tracking_number = %s, shipped_at = now() "
            "WHERE id = %s",
            (tracking_number, order_id),
        )
    return {"order_id": order_id, "status": "shipped"}
