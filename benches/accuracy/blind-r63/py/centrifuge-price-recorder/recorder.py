"""Record venue price ticks published on our Centrifugo cluster.

Each venue channel (prices:xetra, prices:lse, ...) publishes several ticks per
second; PriceHandler.on_publication runs once per tick.
"""
import asyncio
import logging
import os
import signal

import asyncpg
import httpx
from centrifuge import Client, ClientEventHandler, ConnectedContext, DisconnectedContext

from handlers import PriceHandler

log = logging.getLogger("price-recorder")

WS_URL = os.environ.get("CENTRIFUGO_WS_URL", "wss://rt.internal.example.com/connection/websocket")
AUTH_URL = os.environ.get("RT_TOKEN_URL", "https://auth.internal.example.com")
DSN = os.environ["TICKS_DSN"]
VENUES = os.environ.get("VENUES", "xetra,lse,euronext").split(",")


class ConnectionLogger(ClientEventHandler):
    async def on_connected(self, ctx: ConnectedContext) -> None:
        log.info("connected, client id %s", ctx.client)

    async def on_disconnected(self, ctx: DisconnectedContext) -> None:
        log.warning("disconnected: %s %s", ctx.code, ctx.reason)


async def create_pool_with_retry(dsn: str, attempts: int = 8) -> asyncpg.Pool:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            return await asyncpg.create_pool(dsn, min_size=2, max_size=8)
        except (OSError, asyncpg.PostgresError) as exc:
            if attempt == attempts:
                raise
            log.warning("database not ready (%s), retry %d/%d in %.0fs", exc, attempt, attempts, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
    raise RuntimeError("unreachable")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await create_pool_with_retry(DSN)
    http = httpx.AsyncClient(base_url=AUTH_URL, timeout=5.0)

    async def get_token() -> str:
        resp = await http.post("/realtime/token", json={"service": "price-recorder"})
        resp.raise_for_status()
        return resp.json()["token"]

    client = Client(WS_URL, events=ConnectionLogger(), get_token=get_token)
    handler = PriceHandler(pool)
    subs = [client.new_subscription(f"prices:{venue}", events=handler) for venue in VENUES]

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    await client.connect()
    for sub in subs:
        await sub.subscribe()

    try:
        await stop.wait()
    finally:
        await client.disconnect()
        await http.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
