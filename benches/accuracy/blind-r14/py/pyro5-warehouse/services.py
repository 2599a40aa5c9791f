"""Remote objects exposed to the pick-station terminals."""
import logging
import os

import Pyro5.api
from pymongo import MongoClient

log = logging.getLogger(__name__)

CATALOG_URL = os.environ.get("CATALOG_MONGO_URL", "mongodb://catalog-db:27017")


@Pyro5.api.expose
@Pyro5.api.behavior(instance_mode="percall")
class CatalogLookup:
    """Stateless product lookups; a fresh object per call keeps terminals isolated."""

    def __init__(self):
        self._mongo = MongoClient(CATALOG_URL, serverSelectionTimeoutMS=3000)
        self._products = self._mongo["catalog"]["products"]

    def describe(self, sku):
        doc = self._products.find_one({"sku": sku}, {"_id": 0, "sku": 1, "name": 1, "bin": 1})
        return doc or {}

    def search(self, prefix, limit=20):
        cursor = self._products.find({"name": {"$regex": f"^{prefix}", "$options": "i"}}, {"_id": 0}).limit(limit)
        return list(cursor)


@Pyro5.api.expose
@Pyro5.api.behavior(instance_mode="single")
class Reservations:
    """Holds stock for pick lists. One instance, shared by all terminals."""

    def __init__(self, pool):
        self.pool = pool

    def reserve(self, sku, qty, picklist_id):
        conn = self.pool.getconn()
        cur = conn.cursor()
        cur.execute("SELECT available FROM stock WHERE sku = %s FOR UPDATE", (sku,))
        row = cur.fetchone()
        if row is None or row[0] < qty:
            conn.rollback()
            return False
        cur.execute("UPDATE stock SET available = available - %s WHERE sku = %s", (qty, sku))
        cur.execute(
            "INSERT INTO reservations (picklist_id, sku, qty) VALUES (%s, %s, %s)",
            (picklist_id, sku, qty),
        )
        conn.commit()
        self.pool.putconn(conn)
        return True

    def release(self, picklist_id):
        conn = self.pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "UPDATE stock s SET available = s.available + r.qty "
                    "FROM reservations r WHERE r.sku = s.sku AND r.picklist_id = %s",
                    (picklist_id,),
                )
                cur.execute("DELETE FROM reservations WHERE picklist_id = %s", (picklist_id,))
                return cur.rowcount
        finally:
            self.pool.putconn(conn)
