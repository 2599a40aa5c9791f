import os

import asyncpg
from faststream import FastStream, Logger
from faststream.rabbit import RabbitBroker, RabbitQueue

from cache import cache_status, drop_status
from db import get_conn
from dedupe import seen_before
from notify import post_webhook

broker = RabbitBroker(os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/"))
app = FastStream(broker)

pool: asyncpg.Pool | None = None


@app.on_startup
async def open_pool() -> None:
    global pool
    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=2, max_size=10)


@app.on_shutdown
async def close_pool() -> None:
    if pool is not None:
        await pool.close()


@broker.subscriber("orders.created")
async def on_order_created(order: dict, logger: Logger) -> None:
    if await seen_before(order["id"]):
        logger.info("duplicate delivery for %s", order["id"])
        return
    conn = await get_conn()
    try:
        await conn.execute(
            "INSERT INTO orders (id, merchant_id, total_cents, status) VALUES ($1, $2, $3, 'created')",
            order["id"],
            order["merchant_id"],
            order["total_cents"],
        )
    finally:
        await conn.close()
    await cache_status(order["id"], "created")
    if order.get("callback_url"):
        await post_webhook(order["callback_url"], {"order_id": order["id"], "status": "created"})


@broker.subscriber("orders.shipped")
async def on_order_shipped(msg: dict) -> None:
    async with pool.acquire() as conn:
        await conn.execute(
            "UPDATE orders SET status = 'shipped', carrier = $2 WHERE id = $1",
            msg["order_id"],
            msg["carrier"],
        )
    await drop_status(msg["order_id"])


@broker.subscriber(RabbitQueue("orders.audit", durable=True))
async def on_audit(event: dict, logger: Logger) -> None:
    conn = await pool.acquire()
    rows = await conn.fetch(
        "SELECT id, status FROM orders WHERE merchant_id = $1 AND updated_at > now() - interval '1 day'",
        event["merchant_id"],
    )
    if not rows:
        logger.warning("nothing to audit for merchant %s", event["merchant_id"])
        return
    await conn.executemany(
        "INSERT INTO order_audit (order_id, status, audited_at) VALUES ($1, $2, now())",
        [(r["id"], r["status"]) for r in rows],
    )
    await pool.release(conn)
