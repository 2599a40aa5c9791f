import asyncio
import logging

import asyncpg

log = logging.getLogger(__name__)


async def open_pool(dsn: str, attempts: int = 12) -> asyncpg.Pool:
    """Start-up only: the ground station often boots before the database VM."""
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4, command_timeout=10)
            break
        except (OSError, asyncpg.PostgresError) as e:
            log.warning("db not reachable (%d/%d): %s", attempt, attempts, e)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 20)
    else:
        raise SystemExit("giving up on the flight-log database")
    return pool


INSERT_POSITION = """
INSERT INTO telemetry_position (flight_id, ts, lat, lon, abs_alt_m, rel_alt_m)
VALUES ($1, $2, $3, $4, $5, $6)
"""
