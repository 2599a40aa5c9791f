import asyncio
import logging

import aiorun

from . import tracking_repo
from .db import engine
from .resources import stream_engine
from .streams import on_shipment_event

logger = logging.getLogger(__name__)

stream_engine.add_stream(on_shipment_event)


async def start() -> None:
    await stream_engine.start()


async def stop(loop: asyncio.AbstractEventLoop) -> None:
    await stream_engine.stop()
    await tracking_repo.dispose()
    await engine.dispose()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    logger.info("starting shipment-sync")
    aiorun.run(start(), stop_on_unhandled_errors=True, shutdown_callback=stop)
