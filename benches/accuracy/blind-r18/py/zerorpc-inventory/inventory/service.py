import json

from pymongo import ReturnDocument


class InventoryService:
    """Every public method is an RPC; one instance serves all calls."""

    CACHE_TTL = 15

    def __init__(self, mongo, cache):
        self.items = mongo["inventory"]["items"]
        self.reservations = mongo["inventory"]["reservations"]
        self.cache = cache

    def stock(self, sku):
        cached = self.cache.get(f"stock:{sku}")
        if cached is not None:
            return json.loads(cached)
        doc = self.items.find_one({"_id": sku}, {"on_hand": 1, "reserved": 1})
        if doc is None:
            return None
        result = {"sku": sku, "available": doc["on_hand"] - doc.get("reserved", 0)}
        self.cache.setex(f"stock:{sku}", self.CACHE_TTL, json.dumps(result))
        return result

    def reserve(self, sku, qty, order_id):
        doc = self.items.find_one_and_update(
            {"_id": sku, "$expr": {"$gte": [{"$subtract": ["$on_hand", "$reserved"]}, qty]}},
            {"$inc": {"reserved": qty}},
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            return False
        self.reservations.insert_one({"order_id": order_id, "sku": sku, "qty": qty})
        self.cache.delete(f"stock:{sku}")
        return True

    def release(self, order_id):
        released = 0
        for res in self.reservations.find({"order_id": order_id}):
            self.items.update_one({"_id": res["sku"]}, {"$inc": {"reserved": -res["qty"]}})
            self.cache.delete(f"stock:{res['sku']}")
            released += 1
        self.reservations.delete_many({"order_id": order_id})
        return released
