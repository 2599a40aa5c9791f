from datetime import datetime, timezone

import aiohttp
from pyrogram import Client, filters
from pyrogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

import config
import db
from clients import allow, rate_limiter


@Client.on_message(filters.command("ticket") & filters.private)
async def open_ticket(client: Client, message: Message):
    limiter = rate_limiter()
    if not await allow(limiter, message.from_user.id):
        await message.reply("You're opening tickets too quickly, please wait a minute.")
        return

    subject = " ".join(message.command[1:]).strip()
    if not subject:
        await message.reply("Usage: /ticket <short description>")
        return

    async with aiohttp.ClientSession(
        headers={"Authorization": f"Token {config.HELPDESK_TOKEN}"},
        timeout=aiohttp.ClientTimeout(total=15),
    ) as http:
        async with http.post(
            f"{config.HELPDESK_API}/tickets",
            json={"subject": subject, "requester": f"tg:{message.from_user.id}"},
        ) as resp:
            resp.raise_for_status()
            remote = await resp.json()

    await db.tickets.insert_one(
        {
            "remote_id": remote["id"],
            "user_id": message.from_user.id,
            "subject": subject,
            "status": "open",
            "opened_at": datetime.now(timezone.utc),
        }
    )
    await client.send_message(
        config.STAFF_CHAT_ID,
        f"New ticket #{remote['id']} from {message.from_user.mention}: {subject}",
        reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("Close", callback_data=f"close:{remote['id']}")]]
        ),
    )
    await message.reply(f"Ticket #{remote['id']} opened. We'll get back to you here.")


@Client.on_message(filters.command("mytickets") & filters.private)
async def my_tickets(client: Client, message: Message):
    cursor = db.tickets.find({"user_id": message.from_user.id, "status": "open"}).sort("opened_at", -1)
    lines = [f"#{t['remote_id']} {t['subject']}" async for t in cursor.limit(10)]
    await message.reply("\n".join(lines) or "No open tickets.")
