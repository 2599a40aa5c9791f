"""Ladder commands: match reports, ranks and the leaderboard sync."""
import logging

import discord
from discord.ext import commands, tasks

log = logging.getLogger("ladder.cog")

K_FACTOR = 32
START_RATING = 1200


def expected(rating_a: int, rating_b: int) -> float:
    return 1.0 / (1.0 + 10 ** ((rating_b - rating_a) / 400))


def new_ratings(winner: int, loser: int) -> tuple[int, int]:
    gain = round(K_FACTOR * (1 - expected(winner, loser)))
    return winner + gain, loser - gain


class Ladder(commands.Cog):
    def __init__(self, bot):
        self.bot = bot
        self.sync_leaderboard.start()

    def cog_unload(self):
        self.sync_leaderboard.cancel()

    @commands.Cog.listener()
    async def on_member_join(self, member: discord.Member):
        if member.bot:
            return
        async with self.bot.pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO players (guild_id, user_id, rating) VALUES ($1, $2, $3) "
                "ON CONFLICT DO NOTHING",
                member.guild.id, member.id, START_RATING,
            )

    @discord.slash_command(name="report", description="Report a match you won")
    async def report(
        self,
        ctx: discord.ApplicationContext,
        opponent: discord.Option(discord.Member, "Who you beat"),
    ):
        if opponent.id == ctx.author.id or opponent.bot:
            await ctx.respond("Pick a real opponent.", ephemeral=True)
            return
        async with self.bot.pool.acquire() as conn:
            async with conn.transaction():
                rows = await conn.fetch(
                    "SELECT user_id, rating FROM players WHERE guild_id = $1 "
                    "AND user_id = ANY($2::bigint[]) FOR UPDATE",
                    ctx.guild.id, [ctx.author.id, opponent.id],
                )
                ratings = {r["user_id"]: r["rating"] for r in rows}
                won, lost = new_ratings(ratings.get(ctx.author.id, START_RATING),
                                        ratings.get(opponent.id, START_RATING))
                await conn.executemany(
                    "INSERT INTO players (guild_id, user_id, rating) VALUES ($1, $2, $3) "
                    "ON CONFLICT (guild_id, user_id) DO UPDATE SET rating = EXCLUDED.rating",
                    [(ctx.guild.id, ctx.author.id, won), (ctx.guild.id, opponent.id, lost)],
                )
                await conn.execute(
                    "INSERT INTO matches (guild_id, winner_id, loser_id) VALUES ($1, $2, $3)",
                    ctx.guild.id, ctx.author.id, opponent.id,
                )
        await ctx.respond(f"{ctx.author.mention} {won} (+) vs {opponent.mention} {lost} (-)")

    @discord.slash_command(name="rank", description="Show a player's rating")
    async def rank(
        self,
        ctx: discord.ApplicationContext,
        member: discord.Option(discord.Member, "Player", required=False),
    ):
        member = member or ctx.author
        async with self.bot.pool.acquire() as conn:
            rating = await conn.fetchval(
                "SELECT rating FROM players WHERE guild_id = $1 AND user_id = $2",
                ctx.guild.id, member.id,
            )
        await ctx.respond(f"{member.display_name}: {rating or START_RATING}")

    @tasks.loop(minutes=15)
    async def sync_leaderboard(self):
        async with self.bot.pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT guild_id, user_id, rating FROM players ORDER BY guild_id, rating DESC"
            )
        payload = [dict(r) for r in rows]
        async with self.bot.http_session.put("leaderboards/discord", json=payload) as resp:
            if resp.status >= 400:
                log.warning("leaderboard sync failed: HTTP %s", resp.status)

    @sync_leaderboard.before_loop
    async def before_sync(self):
        await self.bot.wait_until_ready()


def setup(bot):
    bot.add_cog(Ladder(bot))
