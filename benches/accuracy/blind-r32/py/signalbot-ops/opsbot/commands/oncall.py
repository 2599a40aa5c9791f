import datetime as dt
import os

from motor.motor_asyncio import AsyncIOMotorClient
from signalbot import Command, Context

# Rotation lives next to the command log in the ops database.
rotation = AsyncIOMotorClient(os.environ.get("MONGO_URL", "mongodb://mongo:27017"))["ops"]["rotation"]


class OnCallCommand(Command):
    """`!oncall` -> who is on call right now."""

    async def handle(self, c: Context):
        if (c.message.text or "").strip() != "!oncall":
            return
        now = dt.datetime.now(dt.timezone.utc)
        shift = await rotation.find_one({"start": {"$lte": now}, "end": {"$gt": now}})
        if shift is None:
            await c.reply("Nobody is scheduled. Escalate to #ops-leads.")
            return
        await c.react("📟")
        await c.send(f"On call: {shift['name']} ({shift['phone']}) until {shift['end']:%H:%M} UTC")
