"""Entry point: `python -m stock.server`."""
import asyncio
import logging
import os

from grpclib.health.service import Health
from grpclib.reflection.service import ServerReflection
from grpclib.server import Server
from grpclib.utils import graceful_exit

from stock.db import create_primary_pool, create_reporting_pool
from stock.service import StockService

log = logging.getLogger("stock")


async def main() -> None:
    primary = await create_primary_pool()
    reporting = await create_reporting_pool()
    services = [StockService(primary, reporting), Health()]
    server = Server(ServerReflection.extend(services))
    try:
        with graceful_exit([server]):
            await server.start("0.0.0.0", int(os.environ.get("GRPC_PORT", "50051")))
            log.info("stock service listening")
            await server.wait_closed()
    finally:
        await reporting.close()
        await primary.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
