"""Entry point: `python -m reconciler.main`."""
import asyncio
import logging
import os
import signal

import aiohttp
import asyncpg

from reconciler import jobs

log = logging.getLogger("reconciler")

DATABASE_URL = os.environ.get("LEDGER_DATABASE_URL", "postgresql://ledger:ledger@localhost/ledger")
PSP_API_URL = os.environ.get("PSP_API_URL", "https://api.psp.example.com")


async def connect_with_retry(attempts: int = 10) -> asyncpg.Pool:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=4)
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("database not ready (attempt %d/%d): %s", attempt, attempts, exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
            continue
        return pool
    raise SystemExit("could not reach the ledger database")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await connect_with_retry()
    http = aiohttp.ClientSession(
        base_url=PSP_API_URL,
        headers={"Authorization": f"Bearer {os.environ['PSP_API_KEY']}"},
        timeout=aiohttp.ClientTimeout(total=20),
    )
    crons = jobs.install(pool, http)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    log.info("reconciler running %d jobs", len(crons))
    try:
        await stop.wait()
    finally:
        for cron in crons:
            cron.stop()
        await http.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
