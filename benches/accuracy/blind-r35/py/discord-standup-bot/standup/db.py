import asyncio
import logging
import os

import asyncpg

log = logging.getLogger(__name__)

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://standup@db/standup")


async def make_pool(max_size: int, attempts: int = 6) -> asyncpg.Pool:
    """Create the process-wide pool; waits for Postgres during deploys."""
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=max_size, command_timeout=10)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            if attempt == attempts:
                raise
            log.warning("postgres unavailable (%s); retry %d in %.0fs", exc, attempt, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
    return pool
