"""Price history: one document per (sku, observed price change)."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from decimal import Decimal

from bson.decimal128 import Decimal128
from motor.motor_asyncio import AsyncIOMotorClient

_client = AsyncIOMotorClient(
    os.environ.get("MONGO_URL", "mongodb://mongo.internal:27017/?replicaSet=rs0"),
    maxPoolSize=20,
)
_history = _client["catalog"]["price_history"]


async def last_price(sku: str) -> Decimal | None:
    doc = await _history.find_one({"sku": sku}, sort=[("observed_at", -1)])
    if doc is None:
        return None
    return doc["price"].to_decimal()


async def record_price(sku: str, price: Decimal, currency: str) -> bool:
    """Append a history point only when the price moved."""
    previous = await last_price(sku)
    if previous is not None and previous == price:
        return False
    await _history.insert_one(
        {
            "sku": sku,
            "price": Decimal128(price),
            "currency": currency,
            "observed_at": datetime.now(timezone.utc),
        }
    )
    return True


async def biggest_drops(limit: int = 20) -> list[dict]:
    pipeline = [
        {"$sort": {"observed_at": -1}},
        {"$group": {"_id": "$sku", "prices": {"$push": "$price"}}},
        {"$limit": 5000},
    ]
    rows = []
    async for row in _history.aggregate(pipeline):
        if len(row["prices"]) >= 2:
            latest, prev = row["prices"][0].to_decimal(), row["prices"][1].to_decimal()
            if prev > 0:
                rows.append({"sku": row["_id"], "drop": (prev - latest) / prev})
    return sorted(rows, key=lambda r: r["drop"], reverse=True)[:limit]
