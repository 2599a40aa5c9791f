"""Stock RPC methods.  One StockService instance serves every request."""

import httpx
from psycopg_pool import ConnectionPool
from tinyrpc.dispatch import public


class OutOfStock(Exception):
    pass


class StockService:
    def __init__(self, pool: ConnectionPool, supplier: httpx.Client):
        self.pool = pool
        self.supplier = supplier

    @public
    def level(self, sku: str) -> int:
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT on_hand - reserved FROM stock WHERE sku = %s", (sku,)
            ).fetchone()
        return row[0] if row else 0

    @public
    def reserve(self, sku: str, qty: int, order_id: str) -> dict:
        with self.pool.connection() as conn:
            with conn.transaction():
                row = conn.execute(
                    "SELECT on_hand - reserved FROM stock WHERE sku = %s FOR UPDATE",
                    (sku,),
                ).fetchone()
                available = row[0] if row else 0
                if available < qty:
                    raise OutOfStock(f"{sku}: {available} available, {qty} requested")
                conn.execute(
                    "UPDATE stock SET reserved = reserved + %s WHERE sku = %s", (qty, sku)
                )
                conn.execute(
                    "INSERT INTO reservations (order_id, sku, qty) VALUES (%s, %s, %s)",
                    (order_id, sku, qty),
                )
        return {"sku": sku, "reserved": qty, "order_id": order_id}

    @public
    def sync_supplier(self, sku: str) -> dict:
        resp = self.supplier.get(f"/v2/items/{sku}/availability")
        resp.raise_for_status()
        data = resp.json()
        with self.pool.connection() as conn:
            conn.execute(
                "UPDATE stock SET supplier_eta = %s, supplier_qty = %s WHERE sku = %s",
                (data.get("eta"), data.get("quantity", 0), sku),
            )
        return {"sku": sku, "eta": data.get("eta"), "quantity": data.get("quantity", 0)}
