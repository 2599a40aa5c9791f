import os

import aiohttp
import discord
from discord.ext import commands

from db import guild_settings

intents = discord.Intents.default()
intents.message_content = True
intents.members = True


class GuildBot(commands.Bot):
    async def setup_hook(self):
        self.http_session = aiohttp.ClientSession()
        await self.load_extension("cogs.moderation")

    async def close(self):
        await self.http_session.close()
        await super().close()


bot = GuildBot(command_prefix="!", intents=intents)


@bot.event
async def on_member_join(member):
    settings = await guild_settings.find_one({"_id": member.guild.id})
    if settings and settings.get("welcome_channel"):
        channel = member.guild.get_channel(settings["welcome_channel"])
        if channel is not None:
            text = settings.get("welcome_text", "Welcome, {name}!")
            await channel.send(text.format(name=member.mention))


@bot.command(name="setwelcome")
@commands.has_permissions(manage_guild=True)
async def set_welcome(ctx, channel: discord.TextChannel, *, text: str):
    await guild_settings.update_one(
        {"_id": ctx.guild.id},
        {"$set": {"welcome_channel": channel.id, "welcome_text": text}},
        upsert=True,
    )
    await ctx.send(f"Welcome messages will go to {channel.mention}")


@bot.command()
async def cat(ctx):
    async with bot.http_session.get("https://api.thecatapi.com/v1/images/search") as resp:
        data = await resp.json()
    await ctx.send(data[0]["url"])


@bot.command()
async def meme(ctx, subreddit: str = "memes"):
    async with aiohttp.ClientSession(headers={"User-Agent": "guildbot/1.0"}) as session:
        async with session.get(f"https://meme-api.com/gimme/{subreddit}") as resp:
            if resp.status != 200:
                await ctx.send("No memes today.")
                return
            data = await resp.json()
    await ctx.send(data["url"])


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_TOKEN"])
