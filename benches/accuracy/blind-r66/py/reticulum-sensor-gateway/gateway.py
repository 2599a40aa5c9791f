"""Long-running Reticulum gateway for the orchard's soil-moisture nodes.

Each node sends a small JSON reading as a single RNS packet to this
destination every few minutes; RNS calls on_packet once per packet.
"""
import functools
import json
import os
import time

import RNS
from sqlalchemy import text

import store

APP_NAME = "fieldnet"
IDENTITY_PATH = os.environ.get("FIELDNET_IDENTITY", "/var/lib/fieldnet/gateway.identity")
ANNOUNCE_EVERY = 30 * 60


def load_identity(path):
    if os.path.isfile(path):
        return RNS.Identity.from_file(path)
    identity = RNS.Identity()
    identity.to_file(path)
    return identity


def on_packet(engine, message, packet):
    try:
        reading = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        RNS.log("dropping malformed packet", RNS.LOG_WARNING)
        return
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO readings (node, taken_at, moisture, soil_temp, battery_mv, rssi)"
                " VALUES (:n, to_timestamp(:t), :m, :s, :b, :r)"
            ),
            {
                "n": reading["n"],
                "t": reading.get("t", time.time()),
                "m": reading.get("m"),
                "s": reading.get("s"),
                "b": reading.get("b"),
                "r": packet.rssi,
            },
        )


def main():
    engine = store.make_engine(os.environ["FIELDNET_DB_URL"])
    RNS.Reticulum(os.environ.get("RNS_CONFIG_DIR"))
    identity = load_identity(IDENTITY_PATH)
    destination = RNS.Destination(
        identity, RNS.Destination.IN, RNS.Destination.SINGLE, APP_NAME, "gateway"
    )
    destination.set_proof_strategy(RNS.Destination.PROVE_ALL)
    destination.set_packet_callback(functools.partial(on_packet, engine))
    RNS.log("gateway listening on " + RNS.prettyhexrep(destination.hash))

    try:
        while True:
            destination.announce()
            time.sleep(ANNOUNCE_EVERY)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
