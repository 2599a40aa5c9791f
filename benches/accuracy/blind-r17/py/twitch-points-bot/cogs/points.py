from twitchio.ext import commands

from db import get_pool

REWARDS = {"hydrate": 100, "song": 500, "emote": 2500}


class Points(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @commands.command(name="points")
    async def points(self, ctx: commands.Context):
        pool = await get_pool()
        conn = await pool.acquire()
        row = await conn.fetchrow(
            "select balance from viewer_points where channel = $1 and login = $2",
            ctx.channel.name,
            ctx.author.name,
        )
        if row is None:
            await ctx.send(f"@{ctx.author.name} you have no points yet, stick around!")
            return
        await ctx.send(f"@{ctx.author.name} you have {row['balance']} points")
        await pool.release(conn)

    @commands.command(name="redeem")
    async def redeem(self, ctx: commands.Context, reward: str):
        cost = REWARDS.get(reward)
        if cost is None:
            await ctx.send(f"Unknown reward. Try: {', '.join(REWARDS)}")
            return
        pool = await get_pool()
        async with pool.acquire() as conn:
            async with conn.transaction():
                updated = await conn.fetchval(
                    "update viewer_points set balance = balance - $3 "
                    "where channel = $1 and login = $2 and balance >= $3 returning balance",
                    ctx.channel.name,
                    ctx.author.name,
                    cost,
                )
                if updated is not None:
                    await conn.execute(
                        "insert into redemptions (channel, login, reward) values ($1, $2, $3)",
                        ctx.channel.name,
                        ctx.author.name,
                        reward,
                    )
        if updated is None:
            await ctx.send(f"@{ctx.author.name} not enough points for {reward}")
        else:
            await ctx.send(f"@{ctx.author.name} redeemed {reward}! {updated} points left")
