"""Long-running AIS receiver: one decoded NMEA sentence at a time from the shore station."""
import logging
import os
import time

import redis
from pyais.stream import TCPConnection

from store import record_arrival, save_position

log = logging.getLogger("ais-feed")

HOST = os.environ.get("AIS_HOST", "10.20.0.5")
PORT = int(os.environ.get("AIS_PORT", "10110"))
HARBOUR = os.environ.get("HARBOUR_CODE", "NLRTM")
POSITION_TYPES = {1, 2, 3, 18, 19}


def handle(decoded, live: redis.Redis) -> None:
    if decoded.msg_type in POSITION_TYPES:
        if decoded.lat is None or decoded.lon is None:
            return
        save_position(decoded)
        live.geoadd("vessels", (decoded.lon, decoded.lat, str(decoded.mmsi)))
    elif decoded.msg_type == 5 and HARBOUR in (decoded.destination or "").upper():
        if record_arrival(decoded):
            live.publish("arrivals", str(decoded.mmsi))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    live = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    while True:
        try:
            for msg in TCPConnection(HOST, port=PORT):
                try:
                    decoded = msg.decode()
                except Exception:
                    log.debug("undecodable sentence: %r", msg.raw)
                    continue
                handle(decoded, live)
        except OSError as exc:
            log.warning("AIS feed dropped (%s), reconnecting in 5 s", exc)
            time.sleep(5)


if __name__ == "__main__":
    main()
