import asyncio
import logging
import os
import signal

import nats

from .db import create_pool
from .handlers import FulfilmentHandlers

NATS_URL = os.environ.get("NATS_URL", "nats://localhost:4222")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    nc = await nats.connect(NATS_URL, name="fulfilment", max_reconnect_attempts=-1)
    pool = await create_pool()
    handlers = FulfilmentHandlers(nc, pool)

    await nc.subscribe("orders.paid", queue="fulfilment", cb=handlers.on_order_paid)
    await nc.subscribe("stock.adjusted", queue="fulfilment", cb=handlers.on_stock_adjusted)
    await nc.subscribe("quotes.shipping", queue="fulfilment", cb=handlers.on_quote_request)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()

    await nc.drain()
    await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
