from datetime import datetime, timezone

import discord
from discord.ext import commands

from database import warnings_collection


class Moderation(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.command()
    @commands.has_permissions(kick_members=True)
    async def warn(self, ctx, member: discord.Member, *, reason: str = "no reason given"):
        col = warnings_collection()
        await col.insert_one(
            {
                "guild_id": ctx.guild.id,
                "user_id": member.id,
                "moderator_id": ctx.author.id,
                "reason": reason,
                "at": datetime.now(timezone.utc),
            }
        )
        count = await col.count_documents({"guild_id": ctx.guild.id, "user_id": member.id})
        await ctx.send(f"{member.mention} has been warned ({count} total): {reason}")

    @commands.command(name="warnings")
    async def list_warnings(self, ctx, member: discord.Member):
        cursor = warnings_collection().find({"guild_id": ctx.guild.id, "user_id": member.id}).sort("at", -1)
        lines = [f"- {w['at']:%Y-%m-%d}: {w['reason']}" async for w in cursor.limit(10)]
        await ctx.send("\n".join(lines) or f"{member.display_name} has no warnings.")


async def setup(bot):
    await bot.add_cog(Moderation(bot))
