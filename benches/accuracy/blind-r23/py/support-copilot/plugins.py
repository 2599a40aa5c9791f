"""Kernel plugins the support copilot may call while answering a customer."""
import os
from typing import Annotated

import asyncpg
import httpx
from semantic_kernel.functions import kernel_function

CARRIER_API = os.environ.get("CARRIER_API", "https://api.parcelhub.example/v2")
CARRIER_KEY = os.environ.get("CARRIER_API_KEY", "")


class OrdersPlugin:
    def __init__(self, pool: asyncpg.Pool):
        self._pool = pool

    @kernel_function(name="get_order_status", description="Look up the status and ETA of an order.")
    async def get_order_status(
        self, order_number: Annotated[str, "The customer-facing order number, e.g. A-10293"]
    ) -> Annotated[str, "Status summary"]:
        conn = await self._pool.acquire()
        row = await conn.fetchrow(
            "SELECT status, eta, tracking_number FROM orders WHERE number = $1",
            order_number,
        )
        if row is None:
            return f"No order found with number {order_number}."
        return (
            f"Order {order_number} is {row['status']}; ETA {row['eta']:%d %b}; "
            f"tracking {row['tracking_number'] or 'not yet assigned'}."
        )

    @kernel_function(name="list_recent_orders", description="List a customer's five latest orders.")
    async def list_recent_orders(
        self, email: Annotated[str, "Customer e-mail address"]
    ) -> Annotated[str, "One order per line"]:
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT o.number, o.status, o.placed_at FROM orders o "
                "JOIN customers c ON c.id = o.customer_id "
                "WHERE lower(c.email) = lower($1) ORDER BY o.placed_at DESC LIMIT 5",
                email,
            )
        if not rows:
            return "No orders for that customer."
        return "\n".join(f"{r['number']} {r['status']} {r['placed_at']:%Y-%m-%d}" for r in rows)


class ShippingPlugin:
    @kernel_function(name="track_parcel", description="Get live carrier tracking events for a parcel.")
    async def track_parcel(
        self, tracking_number: Annotated[str, "Carrier tracking number"]
    ) -> Annotated[str, "Latest tracking events"]:
        client = httpx.AsyncClient(
            base_url=CARRIER_API,
            headers={"X-Api-Key": CARRIER_KEY},
            timeout=10.0,
        )
        resp = await client.get(f"/tracking/{tracking_number}")
        if resp.status_code == 404:
            return "The carrier does not know this tracking number yet."
        resp.raise_for_status()
        events = resp.json().get("events", [])[:5]
        return "\n".join(f"{e['timestamp']}: {e['description']} ({e['location']})" for e in events)
