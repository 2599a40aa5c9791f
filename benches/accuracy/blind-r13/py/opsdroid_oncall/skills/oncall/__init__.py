"""On-call helper skill.

opsdroid instantiates a class-based Skill once when it loads the skill; the
matcher-decorated methods then run for every matching chat message or cron tick.
"""
import logging

import aiohttp
from elasticsearch import AsyncElasticsearch
from motor.motor_asyncio import AsyncIOMotorClient
from opsdroid.matchers import match_crontab, match_regex
from opsdroid.skill import Skill

_LOGGER = logging.getLogger(__name__)

PAGERDUTY_API = "https://api.pagerduty.com"


class OncallSkill(Skill):
    def __init__(self, opsdroid, config, *args, **kwargs):
        super().__init__(opsdroid, config, *args, **kwargs)
        self.mongo = AsyncIOMotorClient(config["mongo_uri"], serverSelectionTimeoutMS=5000)
        self.rota = self.mongo["oncall"]["rota"]
        self._http: aiohttp.ClientSession | None = None
        self._search_clients: dict[str, AsyncElasticsearch] = {}

    async def http(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(
                headers={
                    "Authorization": f"Token token={self.config['pagerduty_token']}",
                    "Accept": "application/vnd.pagerduty+json;version=2",
                },
                timeout=aiohttp.ClientTimeout(total=15),
            )
        return self._http

    def search_for(self, team: str) -> AsyncElasticsearch:
        """One client per team cluster, kept for the life of the bot."""
        clusters = self.config["search_clusters"]
        if team not in clusters:
            raise KeyError(team)
        client = self._search_clients.get(team)
        if client is None:
            client = AsyncElasticsearch(clusters[team], request_timeout=10)
            self._search_clients[team] = client
        return client

    @match_regex(r"who(?:'s| is) on ?call for (?P<team>[\w-]+)", case_sensitive=False)
    async def who_is_oncall(self, message):
        team = message.entities["team"]["value"]
        entry = await self.rota.find_one({"team": team}, sort=[("starts_at", -1)])
        if entry is None:
            await message.respond(f"I don't have a rota for {team}.")
            return
        await message.respond(f"{entry['engineer']} is on call for {team} until {entry['ends_at']}.")

    @match_regex(r"errors for (?P<team>[\w-]+) in the last (?P<minutes>\d+) ?m", case_sensitive=False)
    async def recent_errors(self, message):
        team = message.entities["team"]["value"]
        minutes = int(message.entities["minutes"]["value"])
        try:
            es = self.search_for(team)
        except KeyError:
            await message.respond(f"No search cluster configured for {team}.")
            return
        resp = await es.count(
            index="logs-*",
            query={"bool": {"filter": [
                {"term": {"log.level": "error"}},
                {"range": {"@timestamp": {"gte": f"now-{minutes}m"}}},
            ]}},
        )
        await message.respond(f"{resp['count']} errors for {team} in the last {minutes} minutes.")

    @match_crontab("*/15 * * * *", timezone="Europe/London")
    async def refresh_rota(self, event):
        session = await self.http()
        async with session.get(f"{PAGERDUTY_API}/oncalls", params={"earliest": "true"}) as resp:
            resp.raise_for_status()
            body = await resp.json()
        for oncall in body.get("oncalls", []):
            await self.rota.update_one(
                {"team": oncall["escalation_policy"]["summary"], "starts_at": oncall["start"]},
                {"$set": {"engineer": oncall["user"]["summary"], "ends_at": oncall["end"]}},
                upsert=True,
            )
        _LOGGER.debug("rota refreshed with %d entries", len(body.get("oncalls", [])))
