"""pgqueuer consumer: `pgq run worker:create_pgqueuer`."""
import logging

import httpx
from pgqueuer import PgQueuer
from pgqueuer.db import AsyncpgPoolDriver
from pgqueuer.models import Job, Schedule

from shared.db import make_pool

log = logging.getLogger("relay.worker")


async def create_pgqueuer() -> PgQueuer:
    pool = await make_pool(max_size=6)
    http = httpx.AsyncClient(timeout=httpx.Timeout(15.0, connect=5.0), limits=httpx.Limits(max_connections=50))
    pgq = PgQueuer(AsyncpgPoolDriver(pool))

    @pgq.entrypoint("deliver", concurrency_limit=20)
    async def deliver(job: Job) -> None:
        event_id = int(job.payload.decode())
        async with pool.acquire() as conn:
            event = await conn.fetchrow(
                "SELECT e.payload, s.target_url FROM inbound_events e "
                "JOIN subscriptions s ON s.source = e.source WHERE e.id = $1",
                event_id,
            )
        resp = await http.post(event["target_url"], content=event["payload"])
        async with pool.acquire() as conn:
            await conn.execute(
                "UPDATE inbound_events SET delivered_at = now(), last_status = $2 WHERE id = $1",
                event_id,
                resp.status_code,
            )
        resp.raise_for_status()

    @pgq.schedule("purge_delivered", "0 * * * *")
    async def purge_delivered(schedule: Schedule) -> None:
        async with pool.acquire() as conn:
            deleted = await conn.execute(
                "DELETE FROM inbound_events WHERE delivered_at < now() - interval '14 days'"
            )
        log.info("purge: %s", deleted)

    return pgq
