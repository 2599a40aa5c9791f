import json
import logging

from robyn import Request, Response, Robyn

from db import adjust_quantity, fetch_item, get_pool
from pricing import convert_price

logger = logging.getLogger("inventory")
app = Robyn(__file__)


def _json_error(status: int, message: str) -> Response:
    return Response(
        status_code=status,
        headers={"Content-Type": "application/json"},
        description=json.dumps({"error": message}),
    )


@app.get("/health")
async def health(request: Request):
    return {"status": "ok"}


@app.get("/items/:sku")
async def get_item(request: Request):
    sku = request.path_params["sku"]
    pool = await get_pool()
    row = await fetch_item(pool, sku)
    if row is None:
        return _json_error(404, f"unknown sku {sku}")

    currency = request.query_params.get("currency", "USD")
    price = await convert_price(row["price_cents"], currency)
    return {
        "sku": row["sku"],
        "name": row["name"],
        "qty": row["qty"],
        "price": price,
        "currency": currency.upper(),
    }


@app.post("/items/:sku/adjust")
async def adjust_item(request: Request):
    sku = request.path_params["sku"]
    payload = request.json()
    delta = int(payload.get("delta", 0))
    if delta == 0:
        return _json_error(400, "delta must be non-zero")

    pool = app.state_pool
    qty = await adjust_quantity(pool, sku, delta)
    if qty is None:
        return _json_error(404, f"unknown sku {sku}")
    logger.info("adjusted %s by %d -> %d", sku, delta, qty)
    return {"sku": sku, "qty": qty}


@app.startup_handler
async def open_pool():
    app.state_pool = await get_pool()


@app.shutdown_handler
async def close_pool():
    await app.state_pool.close()


if __name__ == "__main__":
    app.start(host="0.0.0.0", port=8080)
