"""KOOK (kaiheila) guild bot: /weather lookups and emoji-reaction karma."""
import logging
import os

import aiohttp
import asyncpg
from khl import Bot, Event, EventTypes, Message

logging.basicConfig(level=logging.INFO)

bot = Bot(token=os.environ["KOOK_TOKEN"])
WEATHER_URL = "https://api.open-meteo.com/v1/forecast"
CITIES = {"shanghai": (31.23, 121.47), "beijing": (39.90, 116.41), "shenzhen": (22.54, 114.06)}
KARMA_EMOJI = os.environ.get("KARMA_EMOJI", "👍")

db: asyncpg.Pool | None = None


@bot.on_startup
async def open_db(b: Bot):
    global db
    db = await asyncpg.create_pool(os.environ["BOT_DSN"], min_size=1, max_size=5)


@bot.on_shutdown
async def close_db(b: Bot):
    if db is not None:
        await db.close()


@bot.command(name="weather")
async def weather(msg: Message, city: str = "shanghai"):
    coords = CITIES.get(city.lower())
    if coords is None:
        await msg.reply(f"unknown city {city}, try one of: {', '.join(CITIES)}")
        return
    params = {"latitude": coords[0], "longitude": coords[1], "current_weather": "true"}
    async with aiohttp.ClientSession() as session:
        async with session.get(WEATHER_URL, params=params) as resp:
            data = await resp.json()
    cw = data["current_weather"]
    await msg.reply(f"{city}: {cw['temperature']}°C, wind {cw['windspeed']} km/h")


@bot.command(name="karma")
async def karma(msg: Message):
    async with db.acquire() as conn:
        score = await conn.fetchval(
            "SELECT coalesce(sum(points), 0) FROM karma WHERE user_id = $1", msg.author.id
        )
    await msg.reply(f"{msg.author.username} has {score} karma")


@bot.on_event(EventTypes.ADDED_REACTION)
async def on_reaction(b: Bot, event: Event):
    if event.body["emoji"]["name"] != KARMA_EMOJI:
        return
    conn = await db.acquire()
    author = await conn.fetchval(
        "SELECT author_id FROM tracked_messages WHERE msg_id = $1", event.body["msg_id"]
    )
    if author is None or author == event.body["user_id"]:
        return
    await conn.execute(
        "INSERT INTO karma (user_id, giver_id, msg_id, points) VALUES ($1, $2, $3, 1) "
        "ON CONFLICT DO NOTHING",
        author, event.body["user_id"], event.body["msg_id"],
    )
    await db.release(conn)


@bot.on_message()
async def track(msg: Message):
    if msg.author.bot:
        return
    async with db.acquire() as conn:
        await conn.execute(
            "INSERT INTO tracked_messages (msg_id, author_id) VALUES ($1, $2) "
            "ON CONFLICT DO NOTHING",
            msg.id, msg.author.id,
        )


if __name__ == "__main__":
    bot.run()
