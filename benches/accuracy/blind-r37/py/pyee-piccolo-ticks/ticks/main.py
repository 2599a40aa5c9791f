"""Long-running feed ingester: `python -m ticks.main`."""
import asyncio
import json
import os

import httpx
import websockets
from piccolo.engine import engine_finder
from pyee.asyncio import AsyncIOEventEmitter

from ticks import handlers

FEED_URL = os.environ.get(
    "FEED_URL", "wss://stream.exchange.example/stream?streams=btcusdt@trade/btcusdt@kline_1m"
)
ALERTS_URL = os.environ.get("ALERTS_URL", "http://alerts.lan:8000")


async def pump(ee: AsyncIOEventEmitter) -> None:
    # websockets' reconnecting iterator: a new connection is made only after the
    # previous one dropped, with exponential back-off between attempts.
    async for ws in websockets.connect(FEED_URL, ping_interval=20, max_queue=1024):
        try:
            async for raw in ws:
                msg = json.loads(raw)
                data = msg.get("data", msg)
                ee.emit("trade" if data.get("e") == "trade" else "kline", data)
        except websockets.ConnectionClosed:
            continue


async def main() -> None:
    engine = engine_finder()
    await engine.start_connection_pool(min_size=2, max_size=10)
    alerts = httpx.AsyncClient(base_url=ALERTS_URL, timeout=5.0)
    ee = AsyncIOEventEmitter()
    handlers.register(ee, alerts)
    try:
        await pump(ee)
    finally:
        await alerts.aclose()
        await engine.close_connection_pool()


if __name__ == "__main__":
    asyncio.run(main())
