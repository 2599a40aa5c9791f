from datetime import datetime, timezone

from pyrogram import Client, filters
from pyrogram.types import CallbackQuery

import db


@Client.on_callback_query(filters.regex(r"^close:(\d+)$"))
async def close_ticket(client: Client, query: CallbackQuery):
    remote_id = int(query.matches[0].group(1))
    ticket = await db.tickets.find_one_and_update(
        {"remote_id": remote_id, "status": "open"},
        {"$set": {"status": "closed", "closed_at": datetime.now(timezone.utc), "closed_by": query.from_user.id}},
    )
    if ticket is None:
        await query.answer("Already closed.", show_alert=True)
        return
    await client.send_message(ticket["user_id"], f"Your ticket #{remote_id} has been closed.")
    await query.edit_message_text(f"{query.message.text}\n\nClosed by {query.from_user.first_name}")
    await query.answer()
