"""Bench agent process: watches udev for USB fixtures being plugged in or
removed and records each event. One process per bench host."""
import logging
import socket

import pyudev
from sqlalchemy import Engine, text

from .dbconf import make_engine

log = logging.getLogger("bench_agent")


def record(engine: Engine, bench: str, device: pyudev.Device) -> None:
    serial = device.get("ID_SERIAL_SHORT")
    if not serial:
        return
    with engine.begin() as conn:
        if device.action == "add":
            conn.execute(
                text(
                    "INSERT INTO fixtures (serial, bench, plugged_at) VALUES (:s, :b, now()) "
                    "ON CONFLICT (serial) DO UPDATE SET bench = :b, plugged_at = now()"
                ),
                {"s": serial, "b": bench},
            )
        elif device.action == "remove":
            conn.execute(text("UPDATE fixtures SET bench = NULL WHERE serial = :s"), {"s": serial})


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    bench = socket.gethostname()
    engine = make_engine()

    context = pyudev.Context()
    monitor = pyudev.Monitor.from_netlink(context)
    monitor.filter_by(subsystem="usb", device_type="usb_device")
    monitor.start()
    try:
        for device in iter(monitor.poll, None):
            try:
                record(engine, bench, device)
            except Exception:  # noqa: BLE001
                log.exception("failed to record %s", device.sys_path)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
