import asyncio
import logging
import os

import aiohttp
import asyncpg
import nextcord
from nextcord.ext import commands

from helpdesk.cogs.tickets import Tickets

log = logging.getLogger("helpdesk")


async def create_pool_with_retry(dsn, attempts=8):
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=2, max_size=10, command_timeout=10)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("db not ready (%d/%d): %s", attempt, attempts, exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 20)
    else:
        raise SystemExit("database unavailable")
    return pool


async def main():
    logging.basicConfig(level=logging.INFO)
    intents = nextcord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(intents=intents)

    pool = await create_pool_with_retry(os.environ["DATABASE_URL"])
    web = aiohttp.ClientSession(
        base_url=os.environ.get("STATUSPAGE_URL", "https://status.example.com"),
        timeout=aiohttp.ClientTimeout(total=10),
    )
    bot.add_cog(Tickets(bot, pool, web))

    try:
        await bot.start(os.environ["DISCORD_TOKEN"])
    finally:
        await web.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
