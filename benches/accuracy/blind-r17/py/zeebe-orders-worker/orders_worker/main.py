import asyncio
import os

from pyzeebe import ZeebeWorker, create_insecure_channel

from orders_worker.clients import engine
from orders_worker.tasks import router


async def main():
    channel = create_insecure_channel(grpc_address=os.environ.get("ZEEBE_ADDRESS", "zeebe:26500"))
    worker = ZeebeWorker(channel, name="orders-worker", max_connection_retries=10)
    worker.include_router(router)
    try:
        await worker.work()
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
