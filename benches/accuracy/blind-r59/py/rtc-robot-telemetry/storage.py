"""asyncpg pool for robot telemetry, opened once in the aiohttp on_startup hook."""
import asyncio
import logging
import os

import asyncpg

log = logging.getLogger("rtc-gateway.storage")

TELEMETRY_DSN = os.environ.get("TELEMETRY_DSN", "postgresql://gateway@pg-fleet/fleet")


async def open_pool() -> asyncpg.Pool:
    for attempt in range(1, 11):
        try:
            pool = await asyncpg.create_pool(TELEMETRY_DSN, min_size=2, max_size=10)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("telemetry db not ready (attempt %d): %s", attempt, exc)
            await asyncio.sleep(min(2 ** attempt, 30))
    else:
        raise RuntimeError("telemetry database unreachable")
    return pool


async def close_pool(pool: asyncpg.Pool) -> None:
    await pool.close()


async def insert_sample(pool: asyncpg.Pool, robot_id: str, sample: dict) -> None:
    async with pool.acquire() as conn:
        await conn.execute(
            """
            INSERT INTO robot_samples (robot_id, ts, x, y, heading, battery_pct, state)
            VALUES ($1, to_timestamp($2), $3, $4, $5, $6, $7)
            """,
            robot_id,
            sample["ts"],
            sample["x"],
            sample["y"],
            sample.get("heading"),
            sample.get("battery"),
            sample.get("state", "unknown"),
        )
