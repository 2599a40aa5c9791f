"""Companion-computer bridge: flight controller telemetry -> fleet database.

    python bridge.py --fc /dev/ttyAMA0,921600 --flight-id 2024-06-18-07

dronekit calls the listeners below from its MAVLink thread for every
position / battery update and every STATUSTEXT the autopilot sends.
"""
import argparse
import logging
import os
import signal
import threading

import requests
from dronekit import connect

from writer import TelemetryWriter

log = logging.getLogger("bridge")

GCS_WEBHOOK = os.environ.get("GCS_ALERT_WEBHOOK", "https://gcs.fleet.internal/api/alerts")
SEVERITY_CRITICAL = 2  # MAV_SEVERITY_CRITICAL; 0..2 are paged to the ground station


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fc", default="udp:127.0.0.1:14550")
    parser.add_argument("--flight-id", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    writer = TelemetryWriter(os.environ["FLEET_DSN"], args.flight_id)
    gcs = requests.Session()
    gcs.headers["X-Vehicle"] = os.environ.get("VEHICLE_ID", "unknown")

    vehicle = connect(args.fc, wait_ready=True, heartbeat_timeout=60)
    writer.start()

    def on_position(_vehicle, _name, loc):
        writer.submit("pos", lat=loc.lat, lon=loc.lon, alt=loc.alt)

    def on_battery(_vehicle, _name, battery):
        writer.submit("bat", level=battery.level, voltage=battery.voltage)

    def on_statustext(_vehicle, _name, message):
        text = message.text.strip() if isinstance(message.text, str) else str(message.text)
        writer.submit("msg", text=text)
        if message.severity <= SEVERITY_CRITICAL:
            try:
                gcs.post(GCS_WEBHOOK, json={"flight": args.flight_id, "text": text,
                                             "severity": message.severity}, timeout=3)
            except requests.RequestException:
                log.warning("could not page ground station: %s", text)

    vehicle.add_attribute_listener("location.global_relative_frame", on_position)
    vehicle.add_attribute_listener("battery", on_battery)
    vehicle.add_message_listener("STATUSTEXT", on_statustext)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    log.info("bridging flight %s from %s", args.flight_id, args.fc)
    try:
        while not done.wait(1.0):
            if vehicle.last_heartbeat is not None and vehicle.last_heartbeat > 30:
                log.warning("no heartbeat for %.0fs", vehicle.last_heartbeat)
    finally:
        vehicle.remove_attribute_listener("location.global_relative_frame", on_position)
        vehicle.remove_attribute_listener("battery", on_battery)
        vehicle.remove_message_listener("STATUSTEXT", on_statustext)
        vehicle.close()
        writer.stop()
        writer.join(timeout=15)
        gcs.close()


if __name__ == "__main__":
    main()
