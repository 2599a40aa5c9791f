"""Frames emitted by the greenhouse sensor hub over RS-485 (via a USB adapter).

Format (one per line):  $GH,<node>,<seq>,<temp_c>,<rh_pct>,<soil_pct>,<lux>*<xor-checksum hex>
"""
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import reduce


class FrameError(ValueError):
    pass


@dataclass(frozen=True)
class SensorFrame:
    node: str
    seq: int
    temp_c: float
    rh_pct: float
    soil_pct: float
    lux: int
    received_at: datetime


def _checksum(body: str) -> int:
    return reduce(lambda acc, ch: acc ^ ord(ch), body, 0)


def parse(raw: bytes) -> SensorFrame:
    line = raw.decode("ascii", errors="replace").strip()
    if not line.startswith("$GH,") or "*" not in line:
        raise FrameError(f"not a GH frame: {line[:40]!r}")
    body, _, checksum = line[1:].rpartition("*")
    if int(checksum, 16) != _checksum(body):
        raise FrameError("checksum mismatch")
    parts = body.split(",")
    if len(parts) != 7:
        raise FrameError(f"expected 7 fields, got {len(parts)}")
    _, node, seq, temp, rh, soil, lux = parts
    return SensorFrame(
        node=node,
        seq=int(seq),
        temp_c=float(temp),
        rh_pct=float(rh),
        soil_pct=float(soil),
        lux=int(lux),
        received_at=datetime.now(timezone.utc),
    )
