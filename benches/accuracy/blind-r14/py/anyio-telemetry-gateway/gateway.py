"""Line-delimited JSON telemetry gateway for the field sensors.

Each sensor keeps a TCP connection open and sends one JSON object per line:
    {"device": "pump-17", "seq": 912, "metric": "pressure_bar", "value": 6.4, "ts": 1718000000}
"""
import json
import logging
import os
from functools import partial

import anyio
import asyncpg
import httpx
from anyio.abc import SocketStream
from anyio.streams.buffered import BufferedByteReceiveStream

from storage import latest, store_reading

log = logging.getLogger("gateway")

DATABASE_URL = os.environ.get(
    "TELEMETRY_DATABASE_URL",
    "postgresql://postgres.qzvfhtdkbrwa:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)
ALERTS_URL = os.environ.get("ALERTS_URL", "https://alerts.internal.example.com")
THRESHOLDS = {"pressure_bar": 9.5, "temp_c": 85.0, "vibration_mm_s": 11.0}


async def raise_alert(reading: dict, previous) -> None:
    async with httpx.AsyncClient(base_url=ALERTS_URL, timeout=5) as alerts:
        await alerts.post(
            "/v1/alerts",
            json={"device": reading["device"], "metric": reading["metric"], "value": reading["value"],
                  "previous": previous["value"] if previous else None},
        )


async def handle_sensor(pool: asyncpg.Pool, stream: SocketStream) -> None:
    async with stream:
        receiver = BufferedByteReceiveStream(stream)
        while True:
            try:
                line = await receiver.receive_until(b"\n", 64 * 1024)
            except (anyio.EndOfStream, anyio.IncompleteRead, anyio.DelimiterNotFound):
                break
            try:
                reading = json.loads(line)
            except json.JSONDecodeError:
                await stream.send(b'{"error":"bad json"}\n')
                continue
            previous = await latest(pool, reading["device"], reading["metric"])
            stored = await store_reading(pool, reading)
            limit = THRESHOLDS.get(reading["metric"])
            if stored and limit is not None and reading["value"] > limit:
                await raise_alert(reading, previous)
            await stream.send(b'{"ack":%d}\n' % reading["seq"])


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10, command_timeout=10)
    try:
        listener = await anyio.create_tcp_listener(local_port=int(os.environ.get("PORT", "7070")))
        log.info("listening for sensors")
        await listener.serve(partial(handle_sensor, pool))
    finally:
        await pool.close()


if __name__ == "__main__":
    anyio.run(main)
