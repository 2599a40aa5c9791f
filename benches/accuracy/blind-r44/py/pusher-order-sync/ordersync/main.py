"""Listen to the shop's Pusher channel and mirror order state into the WMS.

The connection handler below runs on the first connect AND on every
automatic reconnect; it only (re)subscribes channels and binds callbacks.
"""
import logging
import os
import signal
import threading

import pysher

from ordersync import clients
from ordersync.handlers import on_order_cancelled, on_order_updated

log = logging.getLogger("ordersync")

PUSHER_KEY = os.environ["PUSHER_KEY"]
PUSHER_CLUSTER = os.environ.get("PUSHER_CLUSTER", "eu")
CHANNEL = os.environ.get("PUSHER_CHANNEL", "orders")


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    pusher = pysher.Pusher(PUSHER_KEY, cluster=PUSHER_CLUSTER, secure=True, reconnect_interval=5)

    def on_connected(data):
        channel = pusher.subscribe(CHANNEL)
        channel.bind("order.updated", on_order_updated)
        channel.bind("order.cancelled", on_order_cancelled)
        log.info("subscribed to %s", CHANNEL)

    pusher.connection.bind("pusher:connection_established", on_connected)
    pusher.connect()

    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        while not stopped.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        pusher.disconnect()
        clients.close_all()


if __name__ == "__main__":
    main()
