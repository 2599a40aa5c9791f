import os

import aiohttp
from pyzeebe import ZeebeTaskRouter
from sqlalchemy import text

from orders_worker import ledger
from orders_worker.clients import SessionLocal, make_search

CARRIER_API = os.environ.get("CARRIER_API", "https://api.carrier.example.com")

router = ZeebeTaskRouter()


@router.task(task_type="reserve-stock")
async def reserve_stock(order_id: str, items: list[dict]) -> dict:
    async with SessionLocal() as session, session.begin():
        for item in items:
            await session.execute(
                text("update stock set reserved = reserved + :q where sku = :sku and available - reserved >= :q"),
                {"q": item["qty"], "sku": item["sku"]},
            )
    return {"stockReserved": True}


@router.task(task_type="post-ledger")
async def post_ledger(order_id: str, total_cents: int, currency: str = "EUR") -> dict:
    entry_id = await ledger.post_entry(order_id, total_cents, currency)
    return {"ledgerEntryId": entry_id}


@router.task(task_type="index-order")
async def index_order(order_id: str, customer_id: str, total_cents: int) -> dict:
    es = make_search()
    await es.index(
        index="orders",
        id=order_id,
        document={"customer_id": customer_id, "total_cents": total_cents},
    )
    await es.close()
    return {"indexed": True}


@router.task(task_type="book-carrier")
async def book_carrier(order_id: str, carrier: str, address: dict) -> dict:
    async with aiohttp.ClientSession(base_url=CARRIER_API) as http:
        async with http.post(f"/v2/{carrier}/shipments", json={"ref": order_id, "to": address}) as resp:
            resp.raise_for_status()
            body = await resp.json()
    return {"trackingNumber": body["tracking_number"]}
