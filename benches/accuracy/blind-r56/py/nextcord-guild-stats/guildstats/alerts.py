"""Join/leave alerts posted to each guild's configured webhook."""
import logging

import aiohttp
import nextcord
from nextcord.ext import commands

log = logging.getLogger(__name__)


class Alerts(commands.Cog):
    def __init__(self, bot: commands.Bot, pool, http: aiohttp.ClientSession):
        self.bot = bot
        self.pool = pool
        self.http = http
        # guild_id -> Webhook; webhooks are thin wrappers over the shared session
        self.webhooks: dict[int, nextcord.Webhook] = {}

    async def webhook_for(self, guild_id: int):
        if guild_id in self.webhooks:
            return self.webhooks[guild_id]
        url = await self.pool.fetchval(
            "SELECT alert_webhook_url FROM guild_settings WHERE guild_id = $1", guild_id
        )
        if not url:
            return None
        hook = nextcord.Webhook.from_url(url, session=self.http)
        self.webhooks[guild_id] = hook
        return hook

    async def post(self, guild: nextcord.Guild, text: str):
        hook = await self.webhook_for(guild.id)
        if hook is None:
            return
        try:
            await hook.send(text, username="Guild Stats")
        except nextcord.NotFound:
            # webhook deleted on Discord's side: forget it
            self.webhooks.pop(guild.id, None)
            log.info("stale webhook for guild %s", guild.id)

    @commands.Cog.listener()
    async def on_member_join(self, member: nextcord.Member):
        await self.post(member.guild, f"{member.mention} joined ({member.guild.member_count} members)")

    @commands.Cog.listener()
    async def on_member_remove(self, member: nextcord.Member):
        await self.post(member.guild, f"{member} left")

    @nextcord.slash_command(name="set-alerts", description="Set the alert webhook URL")
    async def set_alerts(self, interaction: nextcord.Interaction, url: str):
        await self.pool.execute(
            "INSERT INTO guild_settings (guild_id, alert_webhook_url) VALUES ($1, $2) "
            "ON CONFLICT (guild_id) DO UPDATE SET alert_webhook_url = excluded.alert_webhook_url",
            interaction.guild_id,
            url,
        )
        self.webhooks.pop(interaction.guild_id, None)
        await interaction.response.send_message("Alert webhook saved.", ephemeral=True)
