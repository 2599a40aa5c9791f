import json
from dataclasses import dataclass

import asyncpg


@dataclass
class Reading:
    device_id: str
    kind: str
    value: float
    ts: float


async def save_reading(pool: asyncpg.Pool, reading: Reading) -> None:
    conn = await pool.acquire()
    await conn.execute(
        "INSERT INTO readings (device_id, kind, value, ts) VALUES ($1, $2, $3, to_timestamp($4))",
        reading.device_id,
        reading.kind,
        reading.value,
        reading.ts,
    )
    await pool.release(conn)


async def latest_for(pool: asyncpg.Pool, device_id: str) -> dict | None:
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT kind, value, ts FROM readings WHERE device_id = $1 ORDER BY ts DESC LIMIT 1",
            device_id,
        )
    return dict(row) if row else None


def parse_line(line: bytes) -> Reading:
    data = json.loads(line)
    return Reading(data["device"], data["kind"], float(data["value"]), float(data["ts"]))
