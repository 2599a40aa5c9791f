"""pyncette scheduler: periodic billing jobs.

Fixtures are set up once when the pyncette app starts and torn down when it
stops; every task execution receives them as attributes of the Context.
"""
import datetime
import logging
import os

import asyncpg
import httpx
from pyncette import Context, Pyncette
from pyncette.redis import redis_repository

from tenants import TenantSearchClients

log = logging.getLogger("billing-jobs")

app = Pyncette(
    repository_factory=redis_repository,
    redis_url=os.environ.get("PYNCETTE_REDIS_URL", "redis://scheduler-redis:6379/0"),
)


@app.fixture()
async def db(app_context):
    pool = await asyncpg.create_pool(
        os.environ["BILLING_DSN"],
        min_size=1,
        max_size=6,
        command_timeout=30,
    )
    try:
        yield pool
    finally:
        await pool.close()


@app.fixture()
async def psp(app_context):
    async with httpx.AsyncClient(
        base_url=os.environ.get("PSP_API_URL", "https://api.psp.example/v3"),
        headers={"Authorization": f"Bearer {os.environ['PSP_API_KEY']}"},
        timeout=httpx.Timeout(15.0, connect=5.0),
    ) as client:
        yield client


@app.fixture()
async def search(app_context):
    clients = TenantSearchClients()
    try:
        yield clients
    finally:
        await clients.close_all()


@app.task(schedule="*/5 * * * *")
async def sync_settlements(context: Context):
    async with context.db.acquire() as conn:
        cursor_ts = await conn.fetchval(
            "SELECT coalesce(max(settled_at), now() - interval '1 day') FROM settlements"
        )
    resp = await context.psp.get("/settlements", params={"since": cursor_ts.isoformat()})
    resp.raise_for_status()
    items = resp.json()["data"]
    async with context.db.acquire() as conn:
        async with conn.transaction():
            await conn.executemany(
                """
                INSERT INTO settlements (psp_id, tenant_id, invoice_id, amount_cents, settled_at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (psp_id) DO NOTHING
                """,
                [
                    (
                        s["id"],
                        s["metadata"]["tenant_id"],
                        s["metadata"]["invoice_id"],
                        s["amount"],
                        datetime.datetime.fromisoformat(s["settled_at"]),
                    )
                    for s in items
                ],
            )
    log.info("synced %d settlements", len(items))


@app.task(interval=datetime.timedelta(minutes=10))
async def reindex_open_invoices(context: Context):
    async with context.db.acquire() as conn:
        rows = await conn.fetch(
            "SELECT tenant_id, id, customer_name, total_cents, due_date FROM invoices"
            " WHERE status = 'open' AND updated_at > now() - interval '15 minutes'"
        )
    for row in rows:
        es = context.search.for_tenant(row["tenant_id"])
        await es.index(
            index="invoices",
            id=str(row["id"]),
            document={
                "customer": row["customer_name"],
                "total_cents": row["total_cents"],
                "due_date": row["due_date"].isoformat(),
            },
        )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.main()
