"""Per-message order handling: reserve stock in SQL, store the order in Cosmos, notify shipping."""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone

import pyodbc
from azure.cosmos import CosmosClient
from azure.servicebus import ServiceBusClient, ServiceBusMessage

log = logging.getLogger("orders.handlers")

COSMOS_URL = os.environ.get("COSMOS_URL", "https://orders-prod.documents.azure.com:443/")
COSMOS_KEY = os.environ.get("COSMOS_KEY", "")
SERVICEBUS_CONN = os.environ.get("SERVICEBUS_CONNECTION", "")
SHIPPING_QUEUE = os.environ.get("SHIPPING_QUEUE", "shipping-requests")


class PermanentError(Exception):
    """The message can never succeed; dead-letter it."""


def _validate(order: dict) -> None:
    for key in ("order_id", "customer_id", "lines", "ship_to"):
        if key not in order:
            raise PermanentError(f"missing {key}")
    if not order["lines"]:
        raise PermanentError("order has no lines")


def reserve_stock(sql_conn: pyodbc.Connection, order_id: str, lines: list[dict]) -> None:
    cur = sql_conn.cursor()
    for line in lines:
        cur.execute(
            "UPDATE dbo.stock SET reserved = reserved + ? "
            "WHERE sku = ? AND on_hand - reserved >= ?",
            line["qty"], line["sku"], line["qty"],
        )
        if cur.rowcount != 1:
            sql_conn.rollback()
            raise PermanentError(f"insufficient stock for {line['sku']}")
        cur.execute(
            "INSERT INTO dbo.reservations (order_id, sku, qty) VALUES (?, ?, ?)",
            order_id, line["sku"], line["qty"],
        )
    sql_conn.commit()
    cur.close()


def store_order(order: dict) -> None:
    cosmos = CosmosClient(COSMOS_URL, credential=COSMOS_KEY)
    container = cosmos.get_database_client("commerce").get_container_client("orders")
    container.upsert_item(
        {
            "id": order["order_id"],
            "customerId": order["customer_id"],
            "lines": order["lines"],
            "shipTo": order["ship_to"],
            "status": "reserved",
            "receivedAt": datetime.now(timezone.utc).isoformat(),
        }
    )


def notify_shipping(order: dict) -> None:
    sb = ServiceBusClient.from_connection_string(SERVICEBUS_CONN)
    with sb.get_queue_sender(queue_name=SHIPPING_QUEUE) as sender:
        sender.send_messages(
            ServiceBusMessage(
                json.dumps({"order_id": order["order_id"], "ship_to": order["ship_to"]}),
                content_type="application/json",
                message_id=f"ship-{order['order_id']}",
            )
        )
    sb.close()


def handle_order(order: dict, sql_conn: pyodbc.Connection) -> None:
    _validate(order)
    reserve_stock(sql_conn, order["order_id"], order["lines"])
    store_order(order)
    notify_shipping(order)
    log.info("order %s accepted (%d lines)", order["order_id"], len(order["lines"]))
