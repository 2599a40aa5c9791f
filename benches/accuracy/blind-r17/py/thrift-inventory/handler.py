import json

import pymysql


class InventoryHandler:
    """One instance serves every RPC; clients are injected from server.py."""

    def __init__(self, thrift_module, pool, cache):
        self.t = thrift_module
        self.pool = pool
        self.cache = cache

    def ping(self):
        return None

    def get_stock(self, sku):
        cached = self.cache.get(f"stock:{sku}")
        if cached:
            d = json.loads(cached)
            return self.t.StockLevel(sku=sku, available=d["available"], reserved=d["reserved"])
        conn = self.pool.connection()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT available, reserved FROM stock WHERE sku = %s", (sku,))
                row = cur.fetchone()
        finally:
            conn.close()  # hands the connection back to PooledDB
        if row is None:
            raise self.t.NotFound(sku=sku)
        self.cache.setex(f"stock:{sku}", 30, json.dumps({"available": row[0], "reserved": row[1]}))
        return self.t.StockLevel(sku=sku, available=row[0], reserved=row[1])

    def reserve(self, sku, qty):
        conn = self.pool.connection()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "UPDATE stock SET reserved = reserved + %s WHERE sku = %s AND available - reserved >= %s",
                    (qty, sku, qty),
                )
                ok = cur.rowcount == 1
            conn.commit()
        except pymysql.MySQLError:
            conn.rollback()
            raise
        finally:
            conn.close()
        if ok:
            self.cache.delete(f"stock:{sku}")
        return ok
