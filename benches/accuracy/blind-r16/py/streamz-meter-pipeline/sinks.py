import functools
import json
import os
from datetime import datetime, timezone

import boto3
import clickhouse_connect
from pymemcache.client.hash import HashClient


@functools.lru_cache(maxsize=1)
def clickhouse():
    return clickhouse_connect.get_client(
        host=os.environ.get("CH_HOST", "clickhouse"),
        username=os.environ.get("CH_USER", "default"),
        password=os.environ.get("CH_PASSWORD", ""),
        database="telemetry",
    )


@functools.lru_cache(maxsize=None)
def firehose(region: str):
    return boto3.client("firehose", region_name=region)


class LastSeen:
    """Tracks the last reading per meter in memcached (client injected by main)."""

    def __init__(self, mc: HashClient):
        self.mc = mc

    def __call__(self, reading: dict) -> dict:
        prev = self.mc.get(f"meter:{reading['meter']}")
        reading["delta"] = reading["kwh"] - float(prev) if prev is not None else 0.0
        self.mc.set(f"meter:{reading['meter']}", str(reading["kwh"]), expire=86400)
        return reading


def write_batch(rows: list[dict]) -> None:
    if not rows:
        return
    clickhouse().insert(
        "readings",
        [[r["meter"], r["ts"], r["kwh"], r["delta"]] for r in rows],
        column_names=["meter", "ts", "kwh", "delta"],
    )


def archive_batch(rows: list[dict]) -> None:
    by_region: dict[str, list[dict]] = {}
    for r in rows:
        by_region.setdefault(r["region"], []).append(r)
    for region, items in by_region.items():
        firehose(region).put_record_batch(
            DeliveryStreamName=os.environ.get("ARCHIVE_STREAM", "meter-archive"),
            Records=[{"Data": (json.dumps(i, default=str) + "\n").encode()} for i in items],
        )


def parse(line: str) -> dict | None:
    try:
        meter, region, ts, kwh = line.strip().split(",")
        return {
            "meter": meter,
            "region": region,
            "ts": datetime.fromtimestamp(int(ts), tz=timezone.utc),
            "kwh": float(kwh),
        }
    except ValueError:
        return None
