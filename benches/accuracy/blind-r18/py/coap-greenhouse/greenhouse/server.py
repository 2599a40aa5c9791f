import asyncio
import logging

import aiocoap
import aiocoap.resource as resource

from . import settings
from .db import create_pool
from .resources import FirmwareResource, ReadingsResource, ThresholdResource

ZONES = ("north", "south", "propagation")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await create_pool()

    root = resource.Site()
    root.add_resource(
        [".well-known", "core"], resource.WKCResource(root.get_resources_as_linkheader)
    )
    root.add_resource(["readings"], ReadingsResource(pool))
    root.add_resource(["firmware"], FirmwareResource())
    for zone in ZONES:
        root.add_resource(["thresholds", zone], ThresholdResource(zone))

    await aiocoap.Context.create_server_context(root, bind=settings.BIND)
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        await pool.close()


def run() -> None:
    asyncio.run(main())
