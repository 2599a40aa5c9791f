import hikari

from bot.resources import Resources

XP_PER_MESSAGE = 5
WEATHER_URL = "https://api.open-meteo.com/v1/forecast"


async def award_xp(res: Resources, event: hikari.GuildMessageCreateEvent) -> None:
    key = f"xp-cooldown:{event.guild_id}:{event.author_id}"
    if not await res.cache.set(key, 1, ex=60, nx=True):
        return
    async with res.db.acquire() as conn:
        level_up = await conn.fetchval(
            "INSERT INTO member_xp (guild_id, user_id, xp) VALUES ($1, $2, $3) "
            "ON CONFLICT (guild_id, user_id) DO UPDATE SET xp = member_xp.xp + EXCLUDED.xp "
            "RETURNING (xp / 100) > ((xp - $3) / 100)",
            int(event.guild_id),
            int(event.author_id),
            XP_PER_MESSAGE,
        )
    if level_up:
        await event.message.respond(f"{event.author.mention} levelled up!")


async def weather(res: Resources, event: hikari.GuildMessageCreateEvent, city: str) -> None:
    async with res.db.acquire() as conn:
        row = await conn.fetchrow("SELECT lat, lon FROM cities WHERE lower(name) = lower($1)", city)
    if row is None:
        await event.message.respond(f"I don't know where {city} is.")
        return
    params = {"latitude": row["lat"], "longitude": row["lon"], "current": "temperature_2m"}
    async with res.http.get(WEATHER_URL, params=params) as resp:
        data = await resp.json()
    await event.message.respond(f"{city}: {data['current']['temperature_2m']} °C")
