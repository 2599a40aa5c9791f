import asyncio

import aiohttp
import asyncpg
import nextcord
from nextcord.ext import commands

from helpdesk.kb import kb_for_guild


class Tickets(commands.Cog):
    def __init__(self, bot: commands.Bot, pool: asyncpg.Pool, web: aiohttp.ClientSession):
        self.bot = bot
        self.pool = pool
        self.web = web

    @nextcord.slash_command(name="ticket", description="Open a support ticket")
    async def ticket(
        self,
        interaction: nextcord.Interaction,
        subject: str = nextcord.SlashOption(description="What do you need help with?"),
    ):
        async with self.pool.acquire() as conn:
            ticket_id = await conn.fetchval(
                "INSERT INTO tickets (guild_id, author_id, subject) VALUES ($1, $2, $3) RETURNING id",
                interaction.guild_id,
                interaction.user.id,
                subject,
            )
        suggestions = await self._suggest(interaction.guild_id, subject)
        text = f"Ticket #{ticket_id} opened."
        if suggestions:
            text += "\nMaybe one of these helps:\n" + "\n".join(f"- {s}" for s in suggestions)
        await interaction.response.send_message(text, ephemeral=True)

    @nextcord.slash_command(name="status", description="Show the status page summary")
    async def status(self, interaction: nextcord.Interaction):
        async with self.web.get("/api/v2/summary.json") as resp:
            data = await resp.json()
        await interaction.response.send_message(data["status"]["description"])

    @commands.Cog.listener()
    async def on_message(self, message: nextcord.Message):
        if message.author.bot or message.guild is None:
            return
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                open_ticket = await conn.fetchval(
                    "SELECT id FROM tickets WHERE thread_id = $1 AND closed_at IS NULL",
                    message.channel.id,
                )
                if open_ticket:
                    await conn.execute(
                        "INSERT INTO ticket_messages (ticket_id, author_id, body) VALUES ($1, $2, $3)",
                        open_ticket,
                        message.author.id,
                        message.content,
                    )

    async def _suggest(self, guild_id, subject):
        kb = kb_for_guild(guild_id)
        if kb is None:
            return []

        def query():
            articles = kb.get_collection("articles")
            res = articles.query(query_texts=[subject], n_results=3)
            return [m["title"] for m in res["metadatas"][0]]

        return await asyncio.to_thread(query)
