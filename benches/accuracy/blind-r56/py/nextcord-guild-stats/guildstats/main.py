"""python -m guildstats.main"""
import asyncio
import logging
import os

import aiohttp
import asyncpg
import nextcord
from nextcord.ext import commands

from guildstats.alerts import Alerts
from guildstats.stats import Stats

log = logging.getLogger("guildstats")

DSN = os.environ.get("DATABASE_URL", "postgresql://guildstats@localhost/guildstats")
TOKEN = os.environ["DISCORD_TOKEN"]


async def connect_with_retry(attempts: int = 8) -> asyncpg.Pool:
    """Postgres may come up after the bot container; wait for it, once."""
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(DSN, min_size=1, max_size=5, command_timeout=10)
            break
        except (OSError, asyncpg.PostgresError) as exc:
            log.warning("database not reachable (%s), attempt %d/%d", exc, attempt, attempts)
            await asyncio.sleep(min(2 ** attempt, 30))
    else:
        raise SystemExit("giving up on the database")
    return pool


def build_bot(pool: asyncpg.Pool, http: aiohttp.ClientSession) -> commands.Bot:
    intents = nextcord.Intents.default()
    intents.message_content = True
    intents.members = True
    bot = commands.Bot(intents=intents)

    @bot.event
    async def on_ready():
        # fires again after every gateway reconnect: only log here
        log.info("connected as %s to %d guilds", bot.user, len(bot.guilds))

    bot.add_cog(Stats(bot, pool))
    bot.add_cog(Alerts(bot, pool, http))
    return bot


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await connect_with_retry()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as http:
            bot = build_bot(pool, http)
            try:
                await bot.start(TOKEN)
            finally:
                if not bot.is_closed():
                    await bot.close()
    finally:
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
