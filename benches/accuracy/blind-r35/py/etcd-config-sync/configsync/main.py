import logging
import os
import signal
import threading

import etcd3

from . import handlers

PREFIX = "/config/"


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = etcd3.client(
        host=os.environ.get("ETCD_HOST", "etcd"),
        port=int(os.environ.get("ETCD_PORT", "2379")),
        timeout=10,
    )
    for value, meta in client.get_prefix(PREFIX):
        logging.info("current %s (%d bytes)", meta.key.decode(), len(value))

    watch_id = client.add_watch_prefix_callback(PREFIX, handlers.on_watch_response)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()

    client.cancel_watch(watch_id)
    client.close()


if __name__ == "__main__":
    main()
