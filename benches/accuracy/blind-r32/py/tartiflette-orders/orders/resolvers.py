import json

import asyncpg
from tartiflette import Resolver

from .clients import DSN, cache, carrier_session


def _row_to_order(row) -> dict:
    return {
        "id": str(row["id"]),
        "customer": row["customer"],
        "totalCents": row["total_cents"],
        "status": row["status"],
        "carrier_ref": row["carrier_ref"],
    }


@Resolver("Query.order")
async def resolve_order(parent, args, ctx, info):
    cached = await cache.get(f"order:{args['id']}")
    if cached:
        return json.loads(cached)
    conn = await asyncpg.connect(DSN)
    try:
        row = await conn.fetchrow(
            "SELECT id, customer, total_cents, status, carrier_ref FROM orders WHERE id = $1",
            int(args["id"]),
        )
    finally:
        await conn.close()
    if row is None:
        return None
    order = _row_to_order(row)
    await cache.set(f"order:{args['id']}", json.dumps(order), ex=30)
    return order


@Resolver("Query.orders")
async def resolve_orders(parent, args, ctx, info):
    async with ctx["pool"].acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, customer, total_cents, status, carrier_ref FROM orders "
            "WHERE customer = $1 ORDER BY id DESC LIMIT $2",
            args["customer"],
            args["limit"],
        )
    return [_row_to_order(r) for r in rows]


@Resolver("Order.tracking")
async def resolve_tracking(parent, args, ctx, info):
    # Runs once for every Order object in the result set.
    if not parent.get("carrier_ref"):
        return None
    async with carrier_session() as http:
        async with http.get(f"/shipments/{parent['carrier_ref']}") as resp:
            if resp.status != 200:
                return None
            body = await resp.json()
    return {"carrier": body["carrier"], "status": body["status"], "eta": body.get("eta")}


@Resolver("Mutation.cancelOrder")
async def resolve_cancel(parent, args, ctx, info):
    conn = await ctx["pool"].acquire()
    row = await conn.fetchrow(
        "SELECT id, customer, total_cents, status, carrier_ref FROM orders WHERE id = $1 FOR UPDATE",
        int(args["id"]),
    )
    if row is None or row["status"] != "pending":
        return None
    row = await conn.fetchrow(
        "UPDATE orders SET status = 'cancelled' WHERE id = $1 "
        "RETURNING id, customer, total_cents, status, carrier_ref",
        int(args["id"]),
    )
    await ctx["pool"].release(conn)
    await cache.delete(f"order:{args['id']}")
    return _row_to_order(row)
