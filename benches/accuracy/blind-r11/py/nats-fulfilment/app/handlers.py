import json
import logging

import asyncpg
from nats.aio.client import Client as NATS
from nats.aio.msg import Msg

from .db import REPLICA_DATABASE_URL
from .shipping import book_shipment

log = logging.getLogger("fulfilment.handlers")


class FulfilmentHandlers:
    def __init__(self, nc: NATS, pool: asyncpg.Pool):
        self.nc = nc
        self.pool = pool

    async def on_order_paid(self, msg: Msg) -> None:
        order = json.loads(msg.data)
        conn = await self.pool.acquire()
        already = await conn.fetchval("SELECT 1 FROM shipments WHERE order_id = $1", order["id"])
        if already:
            log.info("order %s already shipped, skipping", order["id"])
            return
        warehouse = await conn.fetchval(
            "SELECT code FROM warehouses WHERE region = $1 ORDER BY load ASC LIMIT 1",
            order["region"],
        )
        tracking = await book_shipment(order, warehouse)
        await conn.execute(
            "INSERT INTO shipments (order_id, warehouse, tracking_number) VALUES ($1, $2, $3)",
            order["id"], warehouse, tracking,
        )
        await self.pool.release(conn)
        await self.nc.publish("orders.shipped", json.dumps({"id": order["id"], "tracking": tracking}).encode())

    async def on_stock_adjusted(self, msg: Msg) -> None:
        event = json.loads(msg.data)
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                await conn.execute(
                    "UPDATE stock SET on_hand = on_hand + $1 WHERE sku = $2 AND warehouse = $3",
                    event["delta"], event["sku"], event["warehouse"],
                )

    async def on_quote_request(self, msg: Msg) -> None:
        req = json.loads(msg.data)
        replica = await asyncpg.connect(REPLICA_DATABASE_URL)
        try:
            rate = await replica.fetchrow(
                "SELECT base_cents, per_kg_cents FROM carrier_rates WHERE zone = $1",
                req["zone"],
            )
        finally:
            await replica.close()
        price = rate["base_cents"] + rate["per_kg_cents"] * max(1, req["weight_g"] // 1000)
        await msg.respond(json.dumps({"price_cents": price}).encode())
