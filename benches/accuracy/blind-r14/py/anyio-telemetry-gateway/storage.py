import datetime as dt

import asyncpg


async def store_reading(pool: asyncpg.Pool, reading: dict) -> bool:
    conn = await pool.acquire()
    try:
        await conn.execute(
            "INSERT INTO readings (device_id, seq, metric, value, ts) VALUES ($1, $2, $3, $4, $5)",
            reading["device"],
            reading["seq"],
            reading["metric"],
            float(reading["value"]),
            dt.datetime.fromtimestamp(reading["ts"], dt.timezone.utc),
        )
    except asyncpg.UniqueViolationError:
        # devices resend after a reconnect; the reading is already stored
        return False
    await pool.release(conn)
    return True


async def latest(pool: asyncpg.Pool, device_id: str, metric: str):
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            "SELECT value, ts FROM readings WHERE device_id = $1 AND metric = $2 ORDER BY ts DESC LIMIT 1",
            device_id,
            metric,
        )
