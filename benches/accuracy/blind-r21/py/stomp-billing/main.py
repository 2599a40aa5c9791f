"""Billing worker entry point: subscribes to /queue/invoices over STOMP."""
from __future__ import annotations

import logging
import os
import signal
import time

import stomp

from listener import InvoiceListener

log = logging.getLogger("billing")

BROKER_HOST = os.environ.get("BROKER_HOST", "activemq.internal")
BROKER_PORT = int(os.environ.get("BROKER_PORT", "61613"))
BROKER_USER = os.environ.get("BROKER_USER", "billing")
BROKER_PASSWORD = os.environ.get("BROKER_PASSWORD", "")
QUEUE = os.environ.get("INVOICE_QUEUE", "/queue/invoices")

_running = True


def _stop(signum, _frame) -> None:
    global _running
    log.info("signal %s received, shutting down", signum)
    _running = False


def _connect(conn: stomp.Connection) -> None:
    conn.connect(BROKER_USER, BROKER_PASSWORD, wait=True)
    conn.subscribe(destination=QUEUE, id="billing-1", ack="client-individual",
                   headers={"activemq.prefetchSize": "10"})
    log.info("subscribed to %s", QUEUE)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    conn = stomp.Connection([(BROKER_HOST, BROKER_PORT)], heartbeats=(10000, 10000))
    conn.set_listener("billing", InvoiceListener(conn))
    _connect(conn)

    while _running:
        if not conn.is_connected():
            try:
                _connect(conn)
            except stomp.exception.ConnectFailedException:
                log.warning("reconnect failed, retrying in 5s")
        time.sleep(5)

    conn.disconnect()


if __name__ == "__main__":
    main()
