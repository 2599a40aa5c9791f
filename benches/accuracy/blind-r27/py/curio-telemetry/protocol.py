"""Line protocol spoken by the field loggers.

    <logger_id>|<unix_ts>|<metric>=<value>[,<metric>=<value>...]\n

e.g.  LG-0042|1718000000|temp_c=21.5,rh=48.2,batt_v=3.71
"""
from dataclasses import dataclass, field
from datetime import datetime, timezone


class ProtocolError(ValueError):
    pass


@dataclass
class Reading:
    logger_id: str
    ts: datetime
    values: dict = field(default_factory=dict)


def parse_line(raw: bytes) -> Reading:
    try:
        text = raw.decode("ascii").strip()
        logger_id, ts, payload = text.split("|", 2)
        values = {}
        for pair in payload.split(","):
            name, value = pair.split("=", 1)
            values[name.strip()] = float(value)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError(f"bad frame {raw[:60]!r}") from exc
    if not logger_id.startswith("LG-"):
        raise ProtocolError(f"unknown logger {logger_id!r}")
    return Reading(logger_id, datetime.fromtimestamp(int(ts), tz=timezone.utc), values)


def ack(reading: Reading) -> bytes:
    return f"OK {reading.logger_id} {int(reading.ts.timestamp())}\n".encode()


def nack(reason: str) -> bytes:
    return f"ERR {reason}\n".encode()
