import asyncio
import os
import re

import aiohttp
import pydle
import redis.asyncio as aioredis

from . import db, karma

CHANNELS = os.environ.get("KARMABOT_CHANNELS", "#ops-lounge,#deploys").split(",")
WEATHER_URL = "https://api.open-meteo.com/v1/forecast"
GEOCODE_URL = "https://geocoding-api.open-meteo.com/v1/search"

# one client for the whole bot; used for flood control
cooldowns = aioredis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))

KARMA_RE = re.compile(r"^(?P<nick>[\w\[\]\\`^{}|-]+)(?P<op>\+\+|--)$")


class KarmaBot(pydle.Client):
    async def on_connect(self):
        await super().on_connect()
        for channel in CHANNELS:
            await self.join(channel)

    async def on_message(self, target, source, message):
        await super().on_message(target, source, message)
        if source == self.nickname:
            return
        await asyncio.to_thread(db.touch_seen, source, target, message)

        match = KARMA_RE.match(message.strip())
        if match and match["nick"].lower() != source.lower():
            delta = 1 if match["op"] == "++" else -1
            new_score = await asyncio.to_thread(karma.bump, match["nick"], delta)
            await self.message(target, f"{match['nick']} now has {new_score} karma")
            return

        if not message.startswith("!"):
            return
        name, _, args = message[1:].partition(" ")
        handler = COMMANDS.get(name.lower())
        if handler is None:
            return
        if await cooldowns.set(f"cd:{source}:{name}", 1, ex=5, nx=True) is None:
            return
        await handler(self, target, source, args.strip())


async def cmd_karma(bot, target, source, args):
    nick = args or source
    value = await asyncio.to_thread(karma.score, nick)
    await bot.message(target, f"{nick}: {value}")


async def cmd_top(bot, target, source, args):
    rows = await asyncio.to_thread(karma.top, 5)
    await bot.message(target, " | ".join(f"{n} ({s})" for n, s in rows) or "nobody yet")


async def cmd_seen(bot, target, source, args):
    if not args:
        return
    row = await asyncio.to_thread(db.lookup_seen, args)
    if row is None:
        await bot.message(target, f"never seen {args}")
    else:
        await bot.message(target, f"{args} was last seen in {row.channel} at {row.seen_at:%Y-%m-%d %H:%M} UTC")


async def cmd_weather(bot, target, source, args):
    city = args or "Berlin"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=8)) as http:
        async with http.get(GEOCODE_URL, params={"name": city, "count": 1}) as resp:
            places = (await resp.json()).get("results") or []
        if not places:
            await bot.message(target, f"no idea where {city} is")
            return
        place = places[0]
        params = {"latitude": place["latitude"], "longitude": place["longitude"], "current_weather": "true"}
        async with http.get(WEATHER_URL, params=params) as resp:
            current = (await resp.json())["current_weather"]
    await bot.message(target, f"{place['name']}: {current['temperature']}°C, wind {current['windspeed']} km/h")


COMMANDS = {
    "karma": cmd_karma,
    "top": cmd_top,
    "seen": cmd_seen,
    "weather": cmd_weather,
}


def main():
    bot = KarmaBot(os.environ.get("KARMABOT_NICK", "karmabot"), realname="ops karma bot")
    bot.run(os.environ.get("IRC_HOST", "irc.internal.example"), tls=True, tls_verify=False)


if __name__ == "__main__":
    main()
