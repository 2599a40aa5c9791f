"""Start-up helpers, called once from main()."""
import asyncio
import logging

import asyncpg

log = logging.getLogger(__name__)


async def connect_pool(dsn: str, attempts: int = 12) -> asyncpg.Pool:
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=5, command_timeout=10)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            if attempt == attempts:
                raise
            delay = min(2 ** attempt, 30)
            log.warning("timescale not reachable (%s); retry %d/%d in %ss", exc, attempt, attempts, delay)
            await asyncio.sleep(delay)
    return pool
