"""Long-running: reads MAVLink from the ground-station UDP feed and stores positions."""
import logging
import os
import time
from datetime import datetime, timezone

from pymavlink import mavutil
from sqlalchemy import insert

from common.db import make_engine, positions

log = logging.getLogger("ingest")
FLUSH_EVERY_S = 2.0


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    link = mavutil.mavlink_connection(os.environ.get("MAVLINK_URL", "udpin:0.0.0.0:14550"))
    link.wait_heartbeat()
    log.info("heartbeat from system %s", link.target_system)

    battery = {}
    modes = {}
    rows = []
    last_flush = time.monotonic()
    try:
        while True:
            msg = link.recv_match(
                type=["GLOBAL_POSITION_INT", "SYS_STATUS", "HEARTBEAT"], blocking=True, timeout=1.0
            )
            if msg is not None:
                vehicle = msg.get_srcSystem()
                kind = msg.get_type()
                if kind == "SYS_STATUS":
                    battery[vehicle] = msg.battery_remaining
                elif kind == "HEARTBEAT":
                    modes[vehicle] = mavutil.mode_string_v10(msg)
                elif kind == "GLOBAL_POSITION_INT":
                    rows.append(
                        {
                            "vehicle": vehicle,
                            "ts": datetime.now(timezone.utc),
                            "lat": msg.lat / 1e7,
                            "lon": msg.lon / 1e7,
                            "alt_m": msg.relative_alt / 1000.0,
                            "battery_pct": battery.get(vehicle),
                            "mode": modes.get(vehicle),
                        }
                    )
            if rows and time.monotonic() - last_flush >= FLUSH_EVERY_S:
                with engine.begin() as conn:
                    conn.execute(insert(positions), rows)
                rows = []
                last_flush = time.monotonic()
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
