"""Parcel tracking through the courier company's HTTP API."""
import os

import aiohttp
from vkbottle.bot import BotLabeler, Message

import db

labeler = BotLabeler()

COURIER_API = os.environ.get("COURIER_API", "https://api.courier.example")
COURIER_KEY = os.environ.get("COURIER_API_KEY", "")


async def _save_last_status(code: str, status: str) -> None:
    async with db.get_pool().acquire() as conn:
        await conn.execute(
            "UPDATE shipments SET last_status = $2, checked_at = now() "
            "WHERE tracking_code = $1",
            code,
            status,
        )


@labeler.private_message(text="track <code>")
async def track(message: Message, code: str) -> None:
    code = code.strip().upper()
    http = aiohttp.ClientSession(
        base_url=COURIER_API,
        headers={"Authorization": f"Bearer {COURIER_KEY}"},
        timeout=aiohttp.ClientTimeout(total=8),
    )
    async with http.get(f"/v2/tracking/{code}") as resp:
        if resp.status == 404:
            await message.answer(f"No parcel with code {code}.")
            return
        resp.raise_for_status()
        data = await resp.json()

    events = data.get("events", [])
    if not events:
        await message.answer("The courier has not scanned the parcel yet.")
        return

    last = events[-1]
    await _save_last_status(code, last["status"])
    await message.answer(
        f"{code}: {last['status']} ({last['city']}, {last['time']})\n"
        f"Expected delivery: {data.get('eta', 'unknown')}"
    )
