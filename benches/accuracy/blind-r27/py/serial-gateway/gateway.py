"""Serial-to-Cassandra gateway running on the greenhouse Raspberry Pi (systemd unit)."""
import logging
import os
import time

import serial

import alerts
from frames import FrameError, parse
from store import connect_store

log = logging.getLogger("gateway")


def open_port(device, baud):
    while True:
        try:
            return serial.Serial(device, baudrate=baud, timeout=2)
        except serial.SerialException as exc:
            log.warning("serial port %s unavailable: %s", device, exc)
            time.sleep(3)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    device = os.environ.get("SERIAL_DEVICE", "/dev/ttyUSB0")
    baud = int(os.environ.get("SERIAL_BAUD", "115200"))
    webhook = os.environ["ALERT_WEBHOOK_URL"]

    store = connect_store(
        os.environ.get("CASSANDRA_HOSTS", "10.20.0.5").split(","),
        os.environ["CASSANDRA_USER"],
        os.environ["CASSANDRA_PASSWORD"],
    )
    port = open_port(device, baud)
    bad = 0
    try:
        while True:
            try:
                raw = port.readline()
            except serial.SerialException as exc:
                log.error("serial read failed (%s); reopening", exc)
                port.close()
                port = open_port(device, baud)
                continue
            if not raw:
                continue
            try:
                frame = parse(raw)
            except FrameError as exc:
                bad += 1
                log.debug("dropped frame: %s (bad so far: %d)", exc, bad)
                continue
            store.save(frame)
            alerts.notify(webhook, frame)
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        port.close()
        store.close()


if __name__ == "__main__":
    main()
