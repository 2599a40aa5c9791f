import asyncio
import os

from redis.asyncio import Redis
from temporalio.client import Client
from temporalio.worker import Worker

from activities import LedgerActivities, charge_card, send_receipt_email, store_receipt
from workflows import PaymentWorkflow


async def main() -> None:
    client = await Client.connect(os.environ.get("TEMPORAL_ADDRESS", "localhost:7233"), namespace="payments")
    redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    ledger = LedgerActivities(redis)
    worker = Worker(
        client,
        task_queue="payments",
        workflows=[PaymentWorkflow],
        activities=[charge_card, store_receipt, send_receipt_email, ledger.reserve_funds, ledger.release_funds],
        max_concurrent_activities=50,
    )
    try:
        await worker.run()
    finally:
        await redis.aclose()


if __name__ == "__main__":
    asyncio.run(main())
