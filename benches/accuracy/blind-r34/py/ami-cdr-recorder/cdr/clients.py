import asyncio
import logging
import os

import aiohttp
import asyncpg

log = logging.getLogger(__name__)

PG_DSN = os.environ.get("CDR_DSN", "postgresql://cdr@pbx-db:5432/cdr")


async def connect_pool(attempts=10):
    """Open the pool once at start-up; the PBX host often boots before the DB."""
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(PG_DSN, min_size=1, max_size=5)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("db not ready (attempt %d): %s", attempt, exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
    else:
        raise RuntimeError("database never became available")
    return pool


def make_http():
    return aiohttp.ClientSession(
        base_url=os.environ.get("CRM_URL", "https://crm.internal"),
        headers={"X-Api-Key": os.environ.get("CRM_KEY", "")},
        timeout=aiohttp.ClientTimeout(total=5),
    )
