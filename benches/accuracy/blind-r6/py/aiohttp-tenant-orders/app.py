"""Multi-tenant orders API on aiohttp.web.  python app.py"""
import os

from aiohttp import ClientSession, ClientTimeout, web
from bson import ObjectId
from bson.errors import InvalidId

from tenants import TENANT_CLUSTERS, TenantClients

SHIPPING_API = os.environ.get("SHIPPING_API", "https://shipping.internal/api/v2")

TENANTS = web.AppKey("tenants", TenantClients)
HTTP = web.AppKey("http", ClientSession)


async def clients_ctx(app: web.Application):
    app[TENANTS] = TenantClients(TENANT_CLUSTERS)
    app[HTTP] = ClientSession(timeout=ClientTimeout(total=10))
    yield
    await app[HTTP].close()
    app[TENANTS].close()


def tenant_db(request: web.Request):
    tenant = request.match_info["tenant"]
    if tenant not in request.app[TENANTS]:
        raise web.HTTPNotFound(text=f"unknown tenant {tenant}")
    return request.app[TENANTS].database(tenant)


async def get_order(request: web.Request) -> web.Response:
    db = tenant_db(request)
    try:
        oid = ObjectId(request.match_info["order_id"])
    except InvalidId:
        raise web.HTTPBadRequest(text="bad order id")
    order = await db.orders.find_one({"_id": oid})
    if order is None:
        raise web.HTTPNotFound()
    order["_id"] = str(order["_id"])
    return web.json_response(order)


async def ship_order(request: web.Request) -> web.Response:
    db = tenant_db(request)
    oid = ObjectId(request.match_info["order_id"])
    order = await db.orders.find_one({"_id": oid, "status": "paid"})
    if order is None:
        raise web.HTTPConflict(text="order is not ready to ship")
    async with request.app[HTTP].post(f"{SHIPPING_API}/shipments", json={
        "reference": str(oid),
        "address": order["shipping_address"],
        "items": order["items"],
    }) as resp:
        resp.raise_for_status()
        shipment = await resp.json()
    await db.orders.update_one({"_id": oid}, {"$set": {"status": "shipped", "shipment_id": shipment["id"]}})
    return web.json_response({"shipment_id": shipment["id"]}, status=201)


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(clients_ctx)
    app.add_routes([
        web.get("/t/{tenant}/orders/{order_id}", get_order),
        web.post("/t/{tenant}/orders/{order_id}/ship", ship_order),
    ])
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=int(os.environ.get("PORT", "8080")))
