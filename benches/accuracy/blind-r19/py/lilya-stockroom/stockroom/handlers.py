import asyncpg
from lilya.requests import Request
from lilya.responses import JSONResponse

from stockroom import config


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


async def get_item(request: Request) -> JSONResponse:
    sku = request.path_params["sku"]
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT sku, name, on_hand, reserved FROM items WHERE sku = $1", sku
        )
    if row is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(dict(row))


async def reserve_item(request: Request) -> JSONResponse:
    sku = request.path_params["sku"]
    body = await request.json()
    qty = int(body["quantity"])

    conn = await request.app.state.pool.acquire()
    async with conn.transaction():
        row = await conn.fetchrow(
            "SELECT on_hand, reserved FROM items WHERE sku = $1 FOR UPDATE", sku
        )
        if row is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        if row["on_hand"] - row["reserved"] < qty:
            return JSONResponse({"error": "insufficient stock"}, status_code=409)
        await conn.execute(
            "UPDATE items SET reserved = reserved + $2 WHERE sku = $1", sku, qty
        )
        await conn.execute(
            "INSERT INTO reservations (sku, quantity, order_ref) VALUES ($1, $2, $3)",
            sku,
            qty,
            body.get("order_ref"),
        )
    return JSONResponse({"sku": sku, "reserved": qty}, status_code=201)


async def restock_item(request: Request) -> JSONResponse:
    sku = request.path_params["sku"]
    resp = await request.app.state.supplier.post("/orders", json={"sku": sku, "quantity": 50})
    resp.raise_for_status()
    async with request.app.state.pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO restock_orders (sku, supplier_ref) VALUES ($1, $2)", sku, resp.json()["id"]
        )
    return JSONResponse({"sku": sku, "supplier_ref": resp.json()["id"]}, status_code=202)


async def warehouse_report(request: Request) -> JSONResponse:
    code = request.path_params["code"]
    conn = await asyncpg.connect(config.REPORTING_URL)
    try:
        rows = await conn.fetch(
            "SELECT sku, sum(on_hand) AS on_hand FROM stock_by_bin WHERE warehouse = $1 GROUP BY sku",
            code,
        )
    finally:
        await conn.close()
    return JSONResponse({"warehouse": code, "items": [dict(r) for r in rows]})
