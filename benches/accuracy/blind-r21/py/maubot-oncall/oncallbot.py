"""maubot plugin: `!oncall [team]`, `!oncall next [team]`, `!page <team> <message>`."""
from __future__ import annotations

from typing import Type

import asyncpg
from maubot import MessageEvent, Plugin
from maubot.handlers import command
from mautrix.util.config import BaseProxyConfig, ConfigUpdateHelper

import rota

PD_ENQUEUE_URL = "https://events.pagerduty.com/v2/enqueue"


class Config(BaseProxyConfig):
    def do_update(self, helper: ConfigUpdateHelper) -> None:
        helper.copy("ops_dsn")
        helper.copy("pagerduty_routing_keys")
        helper.copy("default_team")


class OncallBot(Plugin):
    pool: asyncpg.Pool | None = None

    @classmethod
    def get_config_class(cls) -> Type[BaseProxyConfig]:
        return Config

    async def start(self) -> None:
        # Called once when the plugin instance is enabled.
        self.config.load_and_update()
        self.pool = await asyncpg.create_pool(
            self.config["ops_dsn"], min_size=1, max_size=3, command_timeout=5
        )
        self.log.info("on-call plugin started")

    async def stop(self) -> None:
        if self.pool is not None:
            await self.pool.close()
            self.pool = None

    def _team(self, team: str | None) -> str:
        return (team or self.config["default_team"]).strip().lower()

    @command.new("oncall", help="Show who is on call", require_subcommand=False, arg_fallthrough=False)
    @command.argument("team", required=False)
    async def oncall(self, evt: MessageEvent, team: str | None) -> None:
        team = self._team(team)
        shift = await rota.current_shift(self.pool, team)
        if shift is None:
            teams = ", ".join(await rota.known_teams(self.pool))
            await evt.reply(f"Nobody is on call for **{team}**. Known teams: {teams}")
            return
        who = shift.matrix_id or shift.person
        await evt.reply(f"**{team}**: {who} until {shift.ends_at:%a %H:%M} UTC")

    @oncall.subcommand("next", help="Show the next shifts")
    @command.argument("team", required=False)
    async def oncall_next(self, evt: MessageEvent, team: str | None) -> None:
        team = self._team(team)
        shifts = await rota.upcoming_shifts(self.pool, team)
        if not shifts:
            await evt.reply(f"No upcoming shifts for **{team}**")
            return
        lines = [f"- {s.person}: {s.starts_at:%a %d %b %H:%M} - {s.ends_at:%a %H:%M}" for s in shifts]
        await evt.reply(f"Upcoming for **{team}**:\n" + "\n".join(lines))

    @command.new("page", help="Trigger a PagerDuty incident for a team")
    @command.argument("team")
    @command.argument("message", pass_raw=True)
    async def page(self, evt: MessageEvent, team: str, message: str) -> None:
        routing_key = self.config["pagerduty_routing_keys"].get(self._team(team))
        if not routing_key:
            await evt.reply(f"No PagerDuty routing key configured for {team}")
            return
        # self.http is the aiohttp ClientSession maubot shares with every plugin.
        async with self.http.post(
            PD_ENQUEUE_URL,
            json={
                "routing_key": routing_key,
                "event_action": "trigger",
                "payload": {
                    "summary": message[:1000],
                    "source": f"matrix:{evt.room_id}",
                    "severity": "critical",
                    "custom_details": {"requested_by": evt.sender},
                },
            },
        ) as resp:
            data = await resp.json()
        if resp.status == 202:
            await evt.react("🚨")
            await evt.reply(f"Paged {team} (dedup key `{data.get('dedup_key')}`)")
        else:
            await evt.reply(f"PagerDuty refused the event: {data}")
