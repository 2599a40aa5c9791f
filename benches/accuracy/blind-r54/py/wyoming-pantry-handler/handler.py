"""Wyoming 'handle' service for pantry voice commands.

AsyncServer creates one PantryHandler per client connection (Home Assistant
opens a connection per voice pipeline run); handle_event runs per event.
The clients come from main() through functools.partial.
"""
import logging
import re
from dataclasses import dataclass

import asyncpg
import httpx
import redis.asyncio as aioredis
from wyoming.asr import Transcript
from wyoming.event import Event
from wyoming.handle import Handled, NotHandled
from wyoming.info import Describe, Info
from wyoming.server import AsyncEventHandler

log = logging.getLogger("pantry.handler")

ADD = re.compile(r"^add (?P<item>.+?) to the (?:shopping|grocery) list$", re.I)
REMOVE = re.compile(r"^remove (?P<item>.+?) from the (?:shopping|grocery) list$", re.I)
READ = re.compile(r"^what(?:'s| is) on the (?:shopping|grocery) list", re.I)
PRICE = re.compile(r"^how much (?:is|are) (?P<item>.+?)(?: at .+)?$", re.I)


@dataclass
class Services:
    pool: asyncpg.Pool
    http: httpx.AsyncClient
    cache: aioredis.Redis


class PantryHandler(AsyncEventHandler):
    def __init__(self, wyoming_info: Info, services: Services, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.wyoming_info_event = wyoming_info.event()
        self.services = services

    async def handle_event(self, event: Event) -> bool:
        if Describe.is_type(event.type):
            await self.write_event(self.wyoming_info_event)
            return True

        if not Transcript.is_type(event.type):
            return True

        text = Transcript.from_event(event).text.strip().rstrip(".?!")
        log.debug("transcript: %s", text)
        reply = await self.answer(text)
        if reply is None:
            await self.write_event(NotHandled(text="Sorry, I can't help with that.").event())
        else:
            await self.write_event(Handled(text=reply).event())
        return False

    async def answer(self, text: str) -> str | None:
        if m := ADD.match(text):
            item = m["item"].lower()
            async with self.services.pool.acquire() as conn:
                await conn.execute(
                    "INSERT INTO shopping_list (item) VALUES ($1) "
                    "ON CONFLICT (item) DO UPDATE SET qty = shopping_list.qty + 1",
                    item,
                )
            return f"Added {item}."
        if m := REMOVE.match(text):
            item = m["item"].lower()
            async with self.services.pool.acquire() as conn:
                await conn.execute("DELETE FROM shopping_list WHERE item = $1", item)
            return f"Removed {item}."
        if READ.match(text):
            async with self.services.pool.acquire() as conn:
                rows = await conn.fetch("SELECT item FROM shopping_list ORDER BY added_at")
            if not rows:
                return "The shopping list is empty."
            return "You need " + ", ".join(r["item"] for r in rows) + "."
        if m := PRICE.match(text):
            return await self.price_of(m["item"].lower())
        return None

    async def price_of(self, item: str) -> str:
        cached = await self.services.cache.get(f"price:{item}")
        if cached is None:
            resp = await self.services.http.get("/v1/prices", params={"q": item})
            if resp.status_code != 200 or not resp.json().get("offers"):
                return f"I couldn't find a price for {item}."
            offer = resp.json()["offers"][0]
            cached = f"{offer['price']:.2f} {offer['currency']} at {offer['store']}"
            await self.services.cache.set(f"price:{item}", cached, ex=6 * 3600)
        else:
            cached = cached.decode()
        return f"{item.capitalize()} is {cached}."
