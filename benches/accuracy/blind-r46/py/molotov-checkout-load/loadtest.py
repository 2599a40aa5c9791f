import json
import os
import random

import asyncpg
import redis.asyncio as aioredis
from molotov import global_setup, scenario, setup, setup_session, teardown_session

from checks import stock_level

SHOP = os.environ.get("SHOP_URL", "https://shop.staging.acme.io")
STAGING_DSN = os.environ["STAGING_DSN"]
SKUS = ["SKU-1001", "SKU-1002", "SKU-2040", "SKU-3300"]

_tokens = []


@global_setup()
def load_accounts(args):
    with open("accounts.json") as fh:
        _tokens.extend(acc["token"] for acc in json.load(fh))


@setup()
async def worker_options(worker_num, args):
    return {"headers": {"Authorization": f"Bearer {_tokens[worker_num % len(_tokens)]}"}}


@setup_session()
async def init_session(worker_num, session):
    session.cart_cache = aioredis.Redis.from_url(os.environ.get("CART_REDIS", "redis://localhost:6379/0"))


@teardown_session()
async def close_session(worker_num, session):
    await session.cart_cache.aclose()


@scenario(weight=30)
async def browse(session):
    sku = random.choice(SKUS)
    async with session.get(f"{SHOP}/api/products/{sku}") as resp:
        assert resp.status == 200
    assert await stock_level(sku) >= 0


@scenario(weight=60)
async def checkout(session):
    sku = random.choice(SKUS)
    async with session.post(f"{SHOP}/api/cart", json={"sku": sku, "qty": 1}) as resp:
        assert resp.status == 201
        cart = await resp.json()
    await session.cart_cache.set(f"loadtest:cart:{cart['id']}", sku, ex=600)

    async with session.post(f"{SHOP}/api/checkout", json={"cart_id": cart["id"]}) as resp:
        assert resp.status == 201
        order = await resp.json()

    db = await asyncpg.connect(STAGING_DSN)
    status = await db.fetchval("SELECT status FROM orders WHERE id = $1", order["id"])
    await db.close()
    assert status in ("pending", "paid"), status


@scenario(weight=10)
async def order_history(session):
    async with session.get(f"{SHOP}/api/orders?limit=20") as resp:
        assert resp.status == 200
