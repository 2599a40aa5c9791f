"""Numaflow map UDF: attaches site / tariff metadata to every meter reading."""
import json
import logging
import os

import redis
from pynumaflow.mapper import Datum, MapServer, Message, Messages

log = logging.getLogger("enrich")
REDIS_URL = os.environ.get("REDIS_URL", "redis://meter-cache:6379/0")


def enrich(keys: list[str], datum: Datum) -> Messages:
    """Called by the Numaflow map server once for every message on the edge."""
    out = Messages()
    try:
        reading = json.loads(datum.value)
    except ValueError:
        log.warning("dropping malformed reading at %s", datum.event_time)
        out.append(Message.to_drop())
        return out

    meters = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    meta = meters.hgetall(f"meter:{reading['meter_id']}")
    if not meta:
        out.append(Message.to_drop())
        return out

    reading["site"] = meta["site"]
    reading["tariff"] = meta.get("tariff", "flat")
    reading["kwh"] = float(reading["pulses"]) / float(meta.get("pulses_per_kwh", 1000))
    out.append(Message(json.dumps(reading).encode(), keys=[meta["site"]]))
    return out


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    MapServer(enrich).start()
