"""Listen to the telematics vendor's SignalR hub and mirror vehicle events.

The vendor pushes one PositionUpdated message per vehicle every 5 seconds
(~900 trucks) and a DoorOpened message whenever a cargo door opens.
Runs as a systemd service on the ops box.
"""
import logging
import os
import signal
import threading

import requests
from signalrcore.hub_connection_builder import HubConnectionBuilder

import handlers

log = logging.getLogger("fleet-tracker")

HUB_URL = os.environ.get("TELEMATICS_HUB_URL", "https://telematics.example-vendor.com/hubs/fleet")
TOKEN_URL = os.environ.get("TELEMATICS_TOKEN_URL", "https://telematics.example-vendor.com/oauth/token")


def fetch_token() -> str:
    # called by signalrcore on (re)connect only
    resp = requests.post(
        TOKEN_URL,
        data={
            "grant_type": "client_credentials",
            "client_id": os.environ["TELEMATICS_CLIENT_ID"],
            "client_secret": os.environ["TELEMATICS_CLIENT_SECRET"],
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    hub = (
        HubConnectionBuilder()
        .with_url(HUB_URL, options={"access_token_factory": fetch_token})
        .with_automatic_reconnect(
            {"type": "interval", "keep_alive_interval": 15, "intervals": [1, 2, 5, 10, 30, 60]}
        )
        .build()
    )
    hub.on_open(lambda: log.info("connected to %s", HUB_URL))
    hub.on_close(lambda: log.warning("hub connection closed"))
    hub.on_error(lambda err: log.error("hub error: %s", err.error))

    hub.on("PositionUpdated", handlers.on_position_updated)
    hub.on("DoorOpened", handlers.on_door_opened)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    hub.start()
    stop.wait()
    hub.stop()


if __name__ == "__main__":
    main()
