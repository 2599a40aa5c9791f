"""Small notes + weather bot (python-telegram-bot v21, polling)."""
import logging
import os
from datetime import datetime, timezone

import httpx
from motor.motor_asyncio import AsyncIOMotorClient
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(level=logging.INFO)

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
DB_NAME = "notesbot"


def get_db():
    return AsyncIOMotorClient(MONGO_URL)[DB_NAME]


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Hi! /remember <text>, /notes, /weather <city>")


async def weather(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    city = " ".join(context.args) or "Berlin"
    async with httpx.AsyncClient(timeout=10) as client:
        r = await client.get(f"https://wttr.in/{city}", params={"format": "3"})
    await update.message.reply_text(r.text if r.is_success else "Weather service unavailable.")


async def remember(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = " ".join(context.args)
    if not text:
        await update.message.reply_text("Usage: /remember <text>")
        return
    db = get_db()
    await db.notes.insert_one({
        "chat_id": update.effective_chat.id,
        "text": text,
        "created_at": datetime.now(timezone.utc),
    })
    await update.message.reply_text("Saved.")


async def notes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    db = context.bot_data["db"]
    cursor = db.notes.find({"chat_id": update.effective_chat.id}).sort("created_at", -1).limit(10)
    items = [f"• {doc['text']}" async for doc in cursor]
    await update.message.reply_text("\n".join(items) or "No notes yet.")


async def post_init(application: Application) -> None:
    application.bot_data["mongo"] = AsyncIOMotorClient(MONGO_URL)
    application.bot_data["db"] = application.bot_data["mongo"][DB_NAME]


async def post_shutdown(application: Application) -> None:
    application.bot_data["mongo"].close()


def main() -> None:
    app = (
        Application.builder()
        .token(os.environ["TELEGRAM_TOKEN"])
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("weather", weather))
    app.add_handler(CommandHandler("remember", remember))
    app.add_handler(CommandHandler("notes", notes))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
