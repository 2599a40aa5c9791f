import os
import re

import asyncpg
import httpx
from loguru import logger
from pipecat.frames.frames import Frame, LLMMessagesAppendFrame, TranscriptionFrame
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

import db

SHIPPING_API = os.environ.get("SHIPPING_API", "https://shipping.example.com")
ORDER_RE = re.compile(r"\b(\d{3})[\s-]?(\d{4})\b")


class CallLogProcessor(FrameProcessor):
    """Stores every user utterance of the call."""

    def __init__(self, pool: asyncpg.Pool, call_id: str):
        super().__init__()
        self._pool = pool
        self._call_id = call_id

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)

        if isinstance(frame, TranscriptionFrame) and frame.text.strip():
            conn = await self._pool.acquire()
            known = await conn.fetchval("SELECT 1 FROM calls WHERE id = $1", self._call_id)
            if known is None:
                logger.warning(f"call {self._call_id} not registered, dropping transcript")
                await self.push_frame(frame, direction)
                return
            await conn.execute(
                "INSERT INTO call_turns (call_id, speaker, text, ts) VALUES ($1, $2, $3, now())",
                self._call_id,
                frame.user_id,
                frame.text,
            )
            await self._pool.release(conn)

        await self.push_frame(frame, direction)


class OrderLookupProcessor(FrameProcessor):
    """When the caller says an order number, look it up and give the LLM the facts."""

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)

        if isinstance(frame, TranscriptionFrame):
            match = ORDER_RE.search(frame.text)
            if match and not await db.cache.get(f"looked-up:{match.group(0)}"):
                order_no = "".join(match.groups())
                facts = await self._lookup(order_no)
                await db.cache.set(f"looked-up:{match.group(0)}", 1, ex=600)
                if facts:
                    await self.push_frame(
                        LLMMessagesAppendFrame(messages=[{"role": "system", "content": facts}]),
                        direction,
                    )

        await self.push_frame(frame, direction)

    async def _lookup(self, order_no: str) -> str | None:
        conn = await db.connect()
        try:
            order = await conn.fetchrow(
                "SELECT id, status, carrier, tracking_no FROM orders WHERE number = $1", order_no
            )
        finally:
            await conn.close()
        if order is None:
            return None

        async with httpx.AsyncClient(base_url=SHIPPING_API, timeout=5) as http:
            resp = await http.get(f"/v1/{order['carrier']}/track/{order['tracking_no']}")
        eta = resp.json().get("estimated_delivery", "unknown") if resp.status_code == 200 else "unknown"
        return f"Order {order_no}: status {order['status']}, estimated delivery {eta}."
