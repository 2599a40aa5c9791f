import json
import os
import uuid
from datetime import datetime, timezone
from decimal import Decimal

import boto3
from chalice import BadRequestError, Chalice, NotFoundError, Rate

from chalicelib.db import mysql_connection

app = Chalice(app_name="order-service")

# Created once per Lambda execution environment.
sqs = boto3.client("sqs")
EVENTS_QUEUE_URL = os.environ.get("EVENTS_QUEUE_URL", "")


@app.route("/orders/{order_id}", methods=["GET"])
def get_order(order_id):
    conn = mysql_connection()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, customer_id, status, total_cents FROM orders WHERE id = %s",
                (order_id,),
            )
            row = cur.fetchone()
    finally:
        conn.close()
    if row is None:
        raise NotFoundError(f"order {order_id} not found")
    return row


@app.route("/orders", methods=["POST"])
def create_order():
    body = app.current_request.json_body or {}
    if not body.get("customer_id") or not body.get("lines"):
        raise BadRequestError("customer_id and lines are required")
    order_id = str(uuid.uuid4())
    table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
    table.put_item(
        Item={
            "order_id": order_id,
            "customer_id": body["customer_id"],
            "lines": body["lines"],
            "total": Decimal(str(sum(l["qty"] * l["price"] for l in body["lines"]))),
            "created_at": datetime.now(timezone.utc).isoformat(),
        }
    )
    sqs.send_message(
        QueueUrl=EVENTS_QUEUE_URL,
        MessageBody=json.dumps({"type": "order.created", "order_id": order_id}),
    )
    return {"order_id": order_id}


@app.on_sqs_message(queue="order-events", batch_size=10)
def handle_order_events(event):
    s3 = boto3.client("s3")
    for record in event:
        payload = json.loads(record.body)
        if payload.get("type") != "order.paid":
            continue
        receipt = {
            "order_id": payload["order_id"],
            "paid_at": payload["paid_at"],
            "amount": payload["amount"],
        }
        s3.put_object(
            Bucket=os.environ["RECEIPTS_BUCKET"],
            Key=f"receipts/{payload['order_id']}.json",
            Body=json.dumps(receipt).encode(),
            ContentType="application/json",
        )


@app.schedule(Rate(15, unit=Rate.MINUTES))
def reconcile_stale_orders(event):
    conn = mysql_connection()
    try:
        with conn.cursor() as cur:
            expired = cur.execute(
                "UPDATE orders SET status = 'expired' "
                "WHERE status = 'pending' AND created_at < NOW() - INTERVAL 2 HOUR"
            )
        conn.commit()
    finally:
        conn.close()
    app.log.info("expired %s stale orders", expired)
