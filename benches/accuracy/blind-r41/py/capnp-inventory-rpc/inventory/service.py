"""Cap'n Proto Inventory implementation. Methods run once per RPC call."""
import logging
import pathlib

import asyncpg
import capnp
import httpx

log = logging.getLogger(__name__)

inventory_capnp = capnp.load(str(pathlib.Path(__file__).with_name("inventory.capnp")))


class InventoryImpl(inventory_capnp.Inventory.Server):
    """Instantiated per accepted connection; the pool and HTTP client are shared."""

    def __init__(self, pool: asyncpg.Pool, http: httpx.AsyncClient):
        self._pool = pool
        self._http = http

    async def lookup(self, sku, _context, **kwargs):
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT warehouse, on_hand, reserved FROM stock WHERE sku = $1", sku
            )
        levels = _context.results.init("levels", len(rows))
        for i, row in enumerate(rows):
            levels[i].sku = sku
            levels[i].warehouse = row["warehouse"]
            levels[i].onHand = row["on_hand"]
            levels[i].reserved = row["reserved"]

    async def reserve(self, sku, warehouse, qty, orderId, _context, **kwargs):
        async with self._pool.acquire() as conn:
            async with conn.transaction():
                updated = await conn.fetchval(
                    """
                    UPDATE stock SET reserved = reserved + $3
                    WHERE sku = $1 AND warehouse = $2 AND on_hand - reserved >= $3
                    RETURNING on_hand - reserved
                    """,
                    sku, warehouse, qty,
                )
                if updated is None:
                    _context.results.ok = False
                    return
                await conn.execute(
                    "INSERT INTO reservations (order_id, sku, warehouse, qty) VALUES ($1, $2, $3, $4)",
                    orderId, sku, warehouse, qty,
                )
        if updated < 5:
            try:
                await self._http.post("/low-stock", json={"sku": sku, "warehouse": warehouse,
                                                          "remaining": updated})
            except httpx.HTTPError:
                log.warning("low-stock webhook failed for %s/%s", sku, warehouse)
        _context.results.ok = True
