"""Order intake worker: drains the `orders` Service Bus queue.

Deployed as a single-replica Container App; KEDA scales on queue length.
"""
from __future__ import annotations

import json
import logging
import os
import signal

import pyodbc
from azure.servicebus import ServiceBusClient, ServiceBusReceivedMessage

import handlers

log = logging.getLogger("orders.worker")

SERVICEBUS_CONN = os.environ["SERVICEBUS_CONNECTION"]
ORDERS_QUEUE = os.environ.get("ORDERS_QUEUE", "orders")
SQL_CONN = os.environ.get(
    "SQL_CONNECTION",
    "Driver={ODBC Driver 18 for SQL Server};Server=tcp:inventory.database.windows.net,1433;"
    "Database=inventory;Authentication=ActiveDirectoryMsi;Encrypt=yes;",
)

_stopping = False


def _stop(*_args) -> None:
    global _stopping
    _stopping = True


def _body(msg: ServiceBusReceivedMessage) -> dict:
    return json.loads(b"".join(msg.body))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)

    sql_conn = pyodbc.connect(SQL_CONN, autocommit=False, timeout=15)
    try:
        with ServiceBusClient.from_connection_string(SERVICEBUS_CONN) as sb:
            with sb.get_queue_receiver(queue_name=ORDERS_QUEUE, max_wait_time=20,
                                       prefetch_count=20) as receiver:
                while not _stopping:
                    batch = receiver.receive_messages(max_message_count=20, max_wait_time=20)
                    for msg in batch:
                        try:
                            handlers.handle_order(_body(msg), sql_conn)
                        except handlers.PermanentError as exc:
                            log.warning("dead-lettering %s: %s", msg.message_id, exc)
                            receiver.dead_letter_message(msg, reason="invalid", error_description=str(exc))
                            continue
                        except Exception:
                            log.exception("order %s failed, abandoning", msg.message_id)
                            sql_conn.rollback()
                            receiver.abandon_message(msg)
                            continue
                        receiver.complete_message(msg)
    finally:
        sql_conn.close()


if __name__ == "__main__":
    main()
