import os
from dataclasses import asdict

import aiohttp
from motor.motor_asyncio import AsyncIOMotorClient
from redis.asyncio import Redis
from temporalio import activity

from gateway import gateway_client
from models import ChargeRequest, Receipt

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
MAILER_URL = os.environ.get("MAILER_URL", "http://mailer.internal:8025/send")


@activity.defn
async def charge_card(req: ChargeRequest) -> str:
    async with gateway_client() as gw:
        resp = await gw.post(
            "/v1/charges",
            json={"customer": req.customer_id, "amount": req.amount_cents, "currency": req.currency},
            headers={"Idempotency-Key": f"order-{req.order_id}"},
        )
        resp.raise_for_status()
        return resp.json()["id"]


@activity.defn
async def store_receipt(receipt: Receipt) -> None:
    mongo = AsyncIOMotorClient(MONGO_URL, serverSelectionTimeoutMS=5000)
    await mongo.payments.receipts.update_one(
        {"order_id": receipt.order_id}, {"$set": asdict(receipt)}, upsert=True
    )


@activity.defn
async def send_receipt_email(receipt: Receipt) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(
            MAILER_URL,
            json={"to": receipt.email, "template": "receipt", "vars": asdict(receipt)},
        ) as resp:
            resp.raise_for_status()


class LedgerActivities:
    """Holds a Redis client created once by the worker."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    @activity.defn
    async def reserve_funds(self, req: ChargeRequest) -> bool:
        key = f"ledger:hold:{req.customer_id}"
        ok = await self._redis.set(f"{key}:{req.order_id}", req.amount_cents, nx=True, ex=900)
        return bool(ok)

    @activity.defn
    async def release_funds(self, req: ChargeRequest) -> None:
        await self._redis.delete(f"ledger:hold:{req.customer_id}:{req.order_id}")
