import logging

import asyncpg
from autobahn.asyncio.wamp import ApplicationSession
from autobahn.wamp.exception import ApplicationError

from .clients import DATABASE_URL, make_es

log = logging.getLogger(__name__)


class InventoryComponent(ApplicationSession):
    def __init__(self, config=None):
        super().__init__(config)
        self.pool = config.extra["pool"]
        self.http = config.extra["http"]

    async def onJoin(self, details):
        log.info("joined realm %s as session %s", details.realm, details.session)
        await self.register(self.get_stock, "com.shop.inventory.get_stock")
        await self.register(self.reserve, "com.shop.inventory.reserve")
        await self.register(self.release, "com.shop.inventory.release")
        await self.subscribe(self.on_stock_changed, "com.shop.inventory.stock_changed")
        await self.subscribe(self.on_order_cancelled, "com.shop.orders.cancelled")

    async def get_stock(self, sku):
        async with self.pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT sku, on_hand, reserved FROM stock WHERE sku = $1", sku
            )
        if row is None:
            raise ApplicationError("com.shop.error.unknown_sku", sku)
        return dict(row)

    async def reserve(self, order_id, sku, qty):
        # a dedicated session so the advisory lock is ours alone
        conn = await asyncpg.connect(DATABASE_URL)
        try:
            async with conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", sku)
                on_hand, reserved = await conn.fetchrow(
                    "SELECT on_hand, reserved FROM stock WHERE sku = $1", sku
                )
                if on_hand - reserved < qty:
                    raise ApplicationError("com.shop.error.insufficient_stock", sku, on_hand - reserved)
                await conn.execute(
                    "INSERT INTO reservations (order_id, sku, qty) VALUES ($1, $2, $3)",
                    order_id, sku, qty,
                )
                await conn.execute(
                    "UPDATE stock SET reserved = reserved + $2 WHERE sku = $1", sku, qty
                )
        finally:
            await conn.close()
        self.publish("com.shop.inventory.stock_changed", sku)
        return {"order_id": order_id, "sku": sku, "reserved": qty}

    async def release(self, order_id):
        conn = await self.pool.acquire()
        rows = await conn.fetch(
            "SELECT sku, qty FROM reservations WHERE order_id = $1", order_id
        )
        if not rows:
            return {"order_id": order_id, "released": 0}
        async with conn.transaction():
            for r in rows:
                await conn.execute(
                    "UPDATE stock SET reserved = reserved - $2 WHERE sku = $1", r["sku"], r["qty"]
                )
            await conn.execute("DELETE FROM reservations WHERE order_id = $1", order_id)
        await self.pool.release(conn)
        for r in rows:
            self.publish("com.shop.inventory.stock_changed", r["sku"])
        return {"order_id": order_id, "released": len(rows)}

    async def on_stock_changed(self, sku):
        es = make_es()
        async with self.pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT sku, on_hand, reserved, updated_at FROM stock WHERE sku = $1", sku
            )
        if row is None:
            return
        doc = dict(row)
        doc["available"] = doc["on_hand"] - doc["reserved"]
        doc["updated_at"] = doc["updated_at"].isoformat()
        await es.index(index="inventory-stock", id=sku, document=doc)

    async def on_order_cancelled(self, order_id, reason=None):
        result = await self.release(order_id)
        await self.http.post(
            "/hooks/inventory/released",
            json={"order_id": order_id, "reason": reason, **result},
        )

    def onDisconnect(self):
        log.warning("transport lost")
