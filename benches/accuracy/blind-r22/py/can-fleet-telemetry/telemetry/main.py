"""Entry point on the vehicle gateway: `python -m telemetry.main`."""
import logging
import os
import signal
import threading

import can

from telemetry.db import engine
from telemetry.faults import FaultListener
from telemetry.recorder import SpeedRecorder

log = logging.getLogger("telemetry")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    vehicle_id = os.environ["VEHICLE_ID"]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    bus = can.Bus(
        interface="socketcan",
        channel=os.environ.get("CAN_CHANNEL", "can0"),
        bitrate=250000,
    )
    recorder = SpeedRecorder(vehicle_id)
    faults = FaultListener(vehicle_id)
    notifier = can.Notifier(bus, [recorder, faults], timeout=1.0)
    log.info("listening on %s for vehicle %s", bus.channel_info, vehicle_id)
    try:
        stop.wait()
    finally:
        notifier.stop()
        recorder.stop()
        bus.shutdown()
        engine.dispose()


if __name__ == "__main__":
    main()
