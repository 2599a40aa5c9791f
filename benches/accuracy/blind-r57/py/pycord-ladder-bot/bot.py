"""Ranked-ladder Discord bot (Pycord).

The Postgres pool and the aiohttp session are created once here, before
the gateway connection starts, and handed to the cogs via the bot object.
"""
import asyncio
import logging
import os

import aiohttp
import asyncpg
import discord

log = logging.getLogger("ladder")

DATABASE_URL = os.environ.get("LADDER_DATABASE_URL", "postgresql://ladder@db.internal/ladder")
STATS_API = os.environ.get("STATS_API", "https://stats.example.gg/api/")


class LadderBot(discord.Bot):
    def __init__(self, *, pool: asyncpg.Pool, http_session: aiohttp.ClientSession):
        intents = discord.Intents.default()
        intents.members = True
        super().__init__(intents=intents)
        self.pool = pool
        self.http_session = http_session

    async def on_ready(self):
        log.info("logged in as %s in %d guild(s)", self.user, len(self.guilds))


async def open_pool(dsn: str, attempts: int = 6) -> asyncpg.Pool:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=8, command_timeout=15)
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            if attempt == attempts:
                raise
            log.warning("database not reachable (%s), retry %d in %.0fs", exc, attempt, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)
        else:
            return pool
    raise RuntimeError("unreachable")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await open_pool(DATABASE_URL)
    http_session = aiohttp.ClientSession(
        base_url=STATS_API,
        headers={"Authorization": "Bearer " + os.environ.get("STATS_API_TOKEN", "")},
        timeout=aiohttp.ClientTimeout(total=10),
    )
    bot = LadderBot(pool=pool, http_session=http_session)
    bot.load_extension("cogs.ladder")
    try:
        await bot.start(os.environ["DISCORD_TOKEN"])
    finally:
        if not bot.is_closed():
            await bot.close()
        await http_session.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
