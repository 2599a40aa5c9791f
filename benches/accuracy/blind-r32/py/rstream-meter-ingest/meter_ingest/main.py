import asyncio
import logging
import os

import asyncpg
import httpx
from rstream import Consumer, ConsumerOffsetSpecification, OffsetType, amqp_decoder

from .handler import make_handler

log = logging.getLogger("meter_ingest")
STREAM = os.environ.get("STREAM", "meter-readings")


async def connect_db() -> asyncpg.Pool:
    """Start-up only: wait for Postgres, then return one pool for the process."""
    for attempt in range(1, 11):
        try:
            pool = await asyncpg.create_pool(os.environ["METERS_DSN"], min_size=2, max_size=10)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("postgres not ready (attempt %d): %s", attempt, exc)
            await asyncio.sleep(min(2 * attempt, 15))
    else:
        raise SystemExit("postgres unavailable")
    return pool


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await connect_db()
    alerts = httpx.AsyncClient(base_url=os.environ["ALERTS_URL"], timeout=5)
    try:
        async with Consumer(
            host=os.environ.get("RABBITMQ_HOST", "rabbitmq"),
            username=os.environ.get("RABBITMQ_USER", "guest"),
            password=os.environ.get("RABBITMQ_PASSWORD", "guest"),
        ) as consumer:
            await consumer.create_stream(STREAM, exists_ok=True)
            await consumer.subscribe(
                stream=STREAM,
                callback=make_handler(pool, alerts),
                decoder=amqp_decoder,
                offset_specification=ConsumerOffsetSpecification(OffsetType.FIRST, None),
            )
            await consumer.run()
    finally:
        await alerts.aclose()
        await pool.close()


def run() -> None:
    asyncio.run(main())
