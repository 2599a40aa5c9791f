from datetime import datetime, timedelta, timezone

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiohttp import ClientSession
from motor.motor_asyncio import AsyncIOMotorCollection, AsyncIOMotorDatabase

router = Router()


def reminders_collection(db: AsyncIOMotorDatabase) -> AsyncIOMotorCollection:
    """Per-message accessor: returns a collection handle on the shared client."""
    return db.get_collection("reminders")


@router.message(Command("remind"))
async def remind(message: Message, command: CommandObject, db: AsyncIOMotorDatabase):
    if not command.args or " " not in command.args:
        await message.answer("Usage: /remind <minutes> <text>")
        return
    minutes, text = command.args.split(" ", 1)
    due = datetime.now(timezone.utc) + timedelta(minutes=int(minutes))
    await reminders_collection(db).insert_one(
        {"chat_id": message.chat.id, "text": text, "due": due, "sent": False}
    )
    await message.answer(f"OK, I'll remind you in {minutes} min.")


@router.message(Command("list"))
async def list_reminders(message: Message, db: AsyncIOMotorDatabase):
    cursor = reminders_collection(db).find(
        {"chat_id": message.chat.id, "sent": False}
    ).sort("due", 1)
    items = [doc async for doc in cursor.limit(20)]
    if not items:
        await message.answer("No pending reminders.")
        return
    lines = [f"{d['due']:%H:%M} - {d['text']}" for d in items]
    await message.answer("\n".join(lines))


@router.message(Command("weather"))
async def weather(message: Message, command: CommandObject, http: ClientSession):
    city = (command.args or "Berlin").strip()
    coords = {"Berlin": (52.52, 13.41), "Paris": (48.85, 2.35)}.get(city, (52.52, 13.41))
    async with http.get(
        "/v1/forecast",
        params={"latitude": coords[0], "longitude": coords[1], "current_weather": "true"},
    ) as resp:
        data = await resp.json()
    temp = data["current_weather"]["temperature"]
    await message.answer(f"{city}: {temp}°C")
