"""python -m server --uri tcp://0.0.0.0:10600"""
import argparse
import asyncio
import logging
import os
from functools import partial

import asyncpg
import httpx
import redis.asyncio as aioredis
from wyoming.info import Attribution, HandleModel, HandleProgram, Info
from wyoming.server import AsyncServer

from handler import PantryHandler, Services

log = logging.getLogger("pantry")


async def create_pool(dsn: str, attempts: int = 10) -> asyncpg.Pool:
    """Postgres on the NAS can take a while after a power cut."""
    for attempt in range(1, attempts + 1):
        try:
            return await asyncpg.create_pool(dsn, min_size=1, max_size=4)
        except (OSError, asyncpg.PostgresError) as exc:
            if attempt == attempts:
                raise
            log.warning("database not ready (%s), retry %d/%d", exc, attempt, attempts)
            await asyncio.sleep(3)
    raise RuntimeError("unreachable")


def wyoming_info() -> Info:
    attribution = Attribution(name="home-lab", url="https://git.home.arpa/pantry")
    return Info(
        handle=[
            HandleProgram(
                name="pantry",
                description="Shopping list and price lookups",
                attribution=attribution,
                installed=True,
                version="0.3.0",
                models=[
                    HandleModel(
                        name="pantry-en",
                        description="English pantry intents",
                        attribution=attribution,
                        installed=True,
                        languages=["en"],
                        version="0.3.0",
                    )
                ],
            )
        ]
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", default="tcp://0.0.0.0:10600")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO)

    services = Services(
        pool=await create_pool(os.environ.get("PANTRY_DSN", "postgresql://pantry@nas/pantry")),
        http=httpx.AsyncClient(
            base_url=os.environ.get("PRICE_API", "https://prices.example.org"), timeout=5.0
        ),
        cache=aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/4")),
    )
    server = AsyncServer.from_uri(args.uri)
    log.info("pantry handler listening on %s", args.uri)
    try:
        await server.run(partial(PantryHandler, wyoming_info(), services))
    finally:
        await services.http.aclose()
        await services.cache.aclose()
        await services.pool.close()


if __name__ == "__main__":
    asyncio.run(main())
