import asyncio
import logging
import os

import redis.asyncio as aioredis

import db
from workflow import TriageWorkflow

log = logging.getLogger("triage")

STREAM = "tickets:new"
GROUP = "triage"
CONSUMER = os.environ.get("HOSTNAME", "triage-1")

redis = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


async def main() -> None:
    await db.init_pool()
    workflow = TriageWorkflow(timeout=60, verbose=False)
    try:
        await redis.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except Exception:
        pass  # group already exists
    try:
        while True:
            batches = await redis.xreadgroup(GROUP, CONSUMER, {STREAM: ">"}, count=10, block=5000)
            for _stream, entries in batches or []:
                for entry_id, fields in entries:
                    result = await workflow.run(
                        ticket_id=fields[b"id"].decode(),
                        body=fields[b"body"].decode(),
                    )
                    log.info("triaged %s", result)
                    await redis.xack(STREAM, GROUP, entry_id)
    finally:
        await db.close_pool()
        await redis.aclose()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
