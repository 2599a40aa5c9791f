import asyncio
import os

import aiohttp
from interactions import Client, Intents, OptionType, SlashContext, listen, slash_command, slash_option
from interactions.api.events import Startup

from . import db

JIRA_URL = os.environ.get("JIRA_URL", "https://example.atlassian.net")
JIRA_AUTH = aiohttp.BasicAuth(os.environ.get("JIRA_USER", ""), os.environ.get("JIRA_TOKEN", ""))

bot = Client(intents=Intents.DEFAULT)
services: dict = {}


@listen(Startup)
async def on_startup():
    services["pool"] = await db.make_pool(max_size=5)
    services["jira"] = aiohttp.ClientSession(base_url=JIRA_URL, auth=JIRA_AUTH)


@slash_command(name="standup", description="Post today's standup update")
@slash_option(name="update", description="What did you work on?", required=True, opt_type=OptionType.STRING)
async def standup(ctx: SlashContext, update: str):
    async with services["pool"].acquire() as conn:
        await conn.execute(
            "INSERT INTO updates (guild_id, user_id, body) VALUES ($1, $2, $3)",
            int(ctx.guild_id),
            int(ctx.author.id),
            update,
        )
    await ctx.send("Logged your update ✅", ephemeral=True)


@slash_command(name="ticket", description="Show a Jira ticket")
@slash_option(name="key", description="Issue key, e.g. OPS-123", required=True, opt_type=OptionType.STRING)
async def ticket(ctx: SlashContext, key: str):
    async with services["jira"].get(f"/rest/api/3/issue/{key.upper()}") as resp:
        if resp.status == 404:
            await ctx.send(f"{key} not found", ephemeral=True)
            return
        resp.raise_for_status()
        issue = await resp.json()
    fields = issue["fields"]
    await ctx.send(f"**{key.upper()}** {fields['summary']} — {fields['status']['name']}")


async def main() -> None:
    try:
        await bot.astart(os.environ["DISCORD_TOKEN"])
    finally:
        if "jira" in services:
            await services["jira"].close()
        if "pool" in services:
            await services["pool"].close()


if __name__ == "__main__":
    asyncio.run(main())
