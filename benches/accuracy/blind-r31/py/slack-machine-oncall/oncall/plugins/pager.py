"""On-call lookups and paging for Slack Machine.

Slack Machine instantiates each plugin class once and awaits init() once at start-up;
the decorated handlers then run for every matching message.
"""
import aiohttp
import asyncpg
from machine.plugins.base import MachineBasePlugin
from machine.plugins.decorators import listen_to, respond_to, schedule
from machine.plugins.message import Message

WHO_SQL = """
SELECT p.display_name, p.slack_id, r.ends_at
  FROM rota r JOIN people p ON p.id = r.person_id
 WHERE r.team = $1 AND now() BETWEEN r.starts_at AND r.ends_at
"""


class PagerPlugin(MachineBasePlugin):
    async def init(self):
        # PgBouncer runs in transaction mode: asyncpg's statement cache must be off.
        self.pool = await asyncpg.create_pool(
            self.settings["ONCALL_DSN"],
            min_size=1,
            max_size=4,
            statement_cache_size=0,
        )
        self.http = aiohttp.ClientSession(
            base_url=self.settings["PAGER_API"],
            headers={"Authorization": f"Bearer {self.settings['PAGER_TOKEN']}"},
            timeout=aiohttp.ClientTimeout(total=10),
        )

    async def _current(self, team):
        async with self.pool.acquire() as conn:
            return await conn.fetchrow(WHO_SQL, team)

    @respond_to(r"^who(?:'s| is) on ?call(?: for (?P<team>[\w-]+))?\??$")
    async def who(self, msg: Message, team):
        team = team or "platform"
        row = await self._current(team)
        if row is None:
            await msg.say(f"Nobody is on call for *{team}* right now :grimacing:")
            return
        await msg.say(f"<@{row['slack_id']}> is on call for *{team}* until {row['ends_at']:%a %H:%M}")

    @listen_to(r"^!page (?P<team>[\w-]+) (?P<summary>.+)$")
    async def page(self, msg: Message, team, summary):
        row = await self._current(team)
        if row is None:
            await msg.reply(f"no rota entry for {team}, paging the fallback")
        async with self.http.post(
            "/v1/incidents",
            json={"team": team, "summary": summary, "requested_by": msg.sender.id},
        ) as resp:
            resp.raise_for_status()
            incident = await resp.json()
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                await conn.execute(
                    "INSERT INTO pages (incident_id, team, summary, requested_by) VALUES ($1, $2, $3, $4)",
                    incident["id"],
                    team,
                    summary,
                    msg.sender.id,
                )
        await msg.say(f"Paged *{team}*: incident {incident['id']}", thread_ts=msg.ts)

    @schedule(day_of_week="mon-fri", hour=9, minute=0)
    async def morning_handover(self):
        async with self.pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT r.team, p.slack_id FROM rota r JOIN people p ON p.id = r.person_id "
                "WHERE now() BETWEEN r.starts_at AND r.ends_at ORDER BY r.team"
            )
        lines = [f"• *{r['team']}*: <@{r['slack_id']}>" for r in rows]
        await self.say(self.settings["ONCALL_CHANNEL"], "On call today:\n" + "\n".join(lines))
