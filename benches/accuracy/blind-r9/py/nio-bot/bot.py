import asyncio
import os

import aiohttp
import asyncpg
from nio import AsyncClient, InviteMemberEvent, MatrixRoom, RoomMessageText

HOMESERVER = os.environ.get("MATRIX_HOMESERVER", "https://matrix.example.org")
USER_ID = os.environ["MATRIX_USER"]
PASSWORD = os.environ["MATRIX_PASSWORD"]
DSN = os.environ["DATABASE_URL"]
WEATHER_API = "https://api.open-meteo.com/v1/forecast"


class KarmaBot:
    def __init__(self, client: AsyncClient, pool: asyncpg.Pool):
        self.client = client
        self.pool = pool

    async def say(self, room_id: str, body: str) -> None:
        await self.client.room_send(
            room_id,
            message_type="m.room.message",
            content={"msgtype": "m.notice", "body": body},
        )

    async def on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender == self.client.user_id:
            return
        body = event.body.strip()

        if body.startswith("!weather "):
            lat, lon = body.split()[1:3]
            async with aiohttp.ClientSession() as http:
                async with http.get(WEATHER_API, params={"latitude": lat, "longitude": lon, "current_weather": "true"}) as resp:
                    data = await resp.json()
            await self.say(room.room_id, f"{data['current_weather']['temperature']} °C")

        elif body.endswith("++"):
            who = body[:-2].strip()
            conn = await self.pool.acquire()
            score = await conn.fetchval(
                "INSERT INTO karma (room_id, who, score) VALUES ($1, $2, 1) "
                "ON CONFLICT (room_id, who) DO UPDATE SET score = karma.score + 1 RETURNING score",
                room.room_id,
                who,
            )
            await self.say(room.room_id, f"{who} now has {score} karma")

        elif body == "!top":
            async with self.pool.acquire() as conn:
                rows = await conn.fetch(
                    "SELECT who, score FROM karma WHERE room_id = $1 ORDER BY score DESC LIMIT 5",
                    room.room_id,
                )
            await self.say(room.room_id, "\n".join(f"{r['who']}: {r['score']}" for r in rows) or "no karma yet")

    async def on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key != self.client.user_id:
            return
        audit = await asyncpg.connect(DSN)
        try:
            await audit.execute(
                "INSERT INTO invites (room_id, inviter, at) VALUES ($1, $2, now())",
                room.room_id,
                event.sender,
            )
        finally:
            await audit.close()
        await self.client.join(room.room_id)


async def main() -> None:
    client = AsyncClient(HOMESERVER, USER_ID)
    pool = await asyncpg.create_pool(DSN, min_size=1, max_size=5)
    bot = KarmaBot(client, pool)
    client.add_event_callback(bot.on_message, RoomMessageText)
    client.add_event_callback(bot.on_invite, InviteMemberEvent)
    try:
        await client.login(PASSWORD)
        await client.sync_forever(timeout=30000, full_state=True)
    finally:
        await client.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
