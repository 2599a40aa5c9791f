import logging
import os
import signal
import threading

from awsiot.greengrasscoreipc.clientv2 import GreengrassCoreIPCClientV2

from line_monitor.db import make_pool
from line_monitor.firehose import FirehoseClients
from line_monitor.handler import TelemetryHandler

log = logging.getLogger("line_monitor")


def on_stream_error(error: Exception) -> bool:
    log.error("subscription error: %s", error)
    return False  # keep the stream open


def on_stream_closed() -> None:
    log.warning("telemetry subscription closed")


def main():
    logging.basicConfig(level=logging.INFO)
    pool = make_pool(os.environ["LINE_DB"])
    firehoses = FirehoseClients()
    ipc = GreengrassCoreIPCClientV2()
    handler = TelemetryHandler(pool, firehoses, ipc)

    _, operation = ipc.subscribe_to_topic(
        topic="factory/+/telemetry",
        on_stream_event=handler,
        on_stream_error=on_stream_error,
        on_stream_closed=on_stream_closed,
    )
    log.info("subscribed to factory/+/telemetry")

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(5):
            pass
    finally:
        operation.close()
        ipc.close()
        pool.close()


if __name__ == "__main__":
    main()
