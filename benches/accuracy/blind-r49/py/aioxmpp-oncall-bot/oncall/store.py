"""Start-up factory for the on-call database pool."""
import asyncio
import logging

import asyncpg

log = logging.getLogger(__name__)


async def create_pool(dsn: str, attempts: int = 10) -> asyncpg.Pool:
    """Called once from main(); retries while the database is still starting."""
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=5, command_timeout=10)
        except (OSError, asyncpg.PostgresError) as e:
            log.warning("database not ready (%d/%d): %s", attempt, attempts, e)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
            continue
        return pool
    raise RuntimeError("could not connect to the on-call database")


async def current_oncall(pool: asyncpg.Pool, team: str):
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            "SELECT person_jid, until FROM rotations WHERE team = $1 AND now() BETWEEN since AND until",
            team,
        )
