"""Process entry point: one Ably realtime connection, one Postgres pool."""
import asyncio
import logging
import os
import signal

import asyncpg
import httpx
from ably import AblyRealtime

from dispatch import handlers

log = logging.getLogger("dispatch")

ABLY_KEY = os.environ["ABLY_API_KEY"]
DATABASE_URL = os.environ["DATABASE_URL"]
ROUTING_URL = os.environ.get("ROUTING_URL", "http://routing.internal:8080")


async def main():
    pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10)
    http = httpx.AsyncClient(base_url=ROUTING_URL, timeout=httpx.Timeout(5.0))
    handlers.configure(pool=pool, http=http)

    realtime = AblyRealtime(key=ABLY_KEY, client_id="dispatcher")
    jobs = realtime.channels.get("dispatch:jobs")
    couriers = realtime.channels.get("dispatch:couriers")

    await jobs.subscribe("job.created", handlers.on_job_created)
    await jobs.subscribe("job.cancelled", handlers.on_job_cancelled)
    await couriers.subscribe("courier.location", handlers.on_courier_location)
    log.info("subscribed to dispatch channels")

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    try:
        await stop.wait()
    finally:
        jobs.unsubscribe()
        couriers.unsubscribe()
        await realtime.close()
        await http.aclose()
        await pool.close()


def run():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())


if __name__ == "__main__":
    run()
