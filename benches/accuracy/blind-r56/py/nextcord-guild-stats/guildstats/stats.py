"""Message activity counters; buffered in memory and flushed every 10 minutes."""
from collections import Counter
from datetime import datetime, timezone

import nextcord
from nextcord.ext import commands, tasks

UPSERT_SQL = """
    INSERT INTO channel_activity (guild_id, channel_id, day, messages)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (guild_id, channel_id, day)
    DO UPDATE SET messages = channel_activity.messages + excluded.messages
"""

TOP_SQL = """
    SELECT channel_id, sum(messages) AS total
      FROM channel_activity
     WHERE guild_id = $1 AND day >= current_date - $2::int
     GROUP BY channel_id
     ORDER BY total DESC
     LIMIT 10
"""


class Stats(commands.Cog):
    def __init__(self, bot: commands.Bot, pool):
        self.bot = bot
        self.pool = pool
        self.buffer = Counter()
        self.flush.start()

    def cog_unload(self):
        self.flush.cancel()

    @commands.Cog.listener()
    async def on_message(self, message: nextcord.Message):
        if message.author.bot or message.guild is None:
            return
        self.buffer[(message.guild.id, message.channel.id)] += 1

    @tasks.loop(minutes=10)
    async def flush(self):
        if not self.buffer:
            return
        pending, self.buffer = self.buffer, Counter()
        today = datetime.now(timezone.utc).date()
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                await conn.executemany(
                    UPSERT_SQL,
                    [(g, c, today, n) for (g, c), n in pending.items()],
                )

    @flush.before_loop
    async def before_flush(self):
        await self.bot.wait_until_ready()

    @nextcord.slash_command(name="activity", description="Most active channels")
    async def activity(
        self,
        interaction: nextcord.Interaction,
        days: int = nextcord.SlashOption(default=7, min_value=1, max_value=90),
    ):
        rows = await self.pool.fetch(TOP_SQL, interaction.guild_id, days)
        if not rows:
            await interaction.response.send_message("No activity recorded yet.")
            return
        lines = [f"<#{r['channel_id']}>: {r['total']}" for r in rows]
        await interaction.response.send_message(
            f"Top channels over {days} days:\n" + "\n".join(lines)
        )
