import os
from datetime import datetime, timedelta, timezone

from motor.motor_asyncio import AsyncIOMotorClient
from pyrogram import Client, filters
from pyrogram.types import Message

_reporting = AsyncIOMotorClient(os.environ.get("MONGO_URL", "mongodb://mongo:27017"))
_tickets = _reporting["helpdesk"]["tickets"]

STAFF_CHAT_ID = int(os.environ.get("STAFF_CHAT_ID", "0"))


@Client.on_message(filters.command("stats") & filters.chat(STAFF_CHAT_ID))
async def weekly_stats(client: Client, message: Message):
    since = datetime.now(timezone.utc) - timedelta(days=7)
    pipeline = [
        {"$match": {"opened_at": {"$gte": since}}},
        {"$group": {"_id": "$status", "n": {"$sum": 1}}},
    ]
    counts = {row["_id"]: row["n"] async for row in _tickets.aggregate(pipeline)}
    await message.reply(
        f"Last 7 days: {counts.get('open', 0)} open, {counts.get('closed', 0)} closed"
    )
