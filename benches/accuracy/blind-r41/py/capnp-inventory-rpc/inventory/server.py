"""python -m inventory.server  (listens on 0.0.0.0:60000)"""
import asyncio
import functools
import logging
import os

import asyncpg
import capnp
import httpx

from inventory.service import InventoryImpl

log = logging.getLogger("inventory")

DSN = os.environ.get("INVENTORY_DSN", "postgresql://inventory:inventory@db:5432/inventory")
PURCHASING_URL = os.environ.get("PURCHASING_URL", "http://purchasing.internal")


async def connect_with_retry(attempts: int = 10) -> asyncpg.Pool:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            return await asyncpg.create_pool(DSN, min_size=2, max_size=10, command_timeout=10)
        except (OSError, asyncpg.PostgresError) as exc:
            if attempt == attempts:
                raise
            log.warning("database not ready (%s), retry %d/%d in %.0fs", exc, attempt, attempts, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 15)
    raise RuntimeError("unreachable")


async def new_connection(stream, *, pool, http):
    # One TwoPartyServer per TCP connection; all of them share the same pool and client.
    server = capnp.TwoPartyServer(stream, bootstrap=InventoryImpl(pool, http))
    await server.on_disconnect()


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await connect_with_retry()
    http = httpx.AsyncClient(base_url=PURCHASING_URL, timeout=5)
    try:
        server = await capnp.AsyncIoStream.create_server(
            functools.partial(new_connection, pool=pool, http=http), "0.0.0.0", 60000
        )
        async with server:
            await server.serve_forever()
    finally:
        await http.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(capnp.run(main()))
