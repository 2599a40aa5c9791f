"""Stock-level API for the storefront, on baize's ASGI toolkit.

baize has no lifespan support of its own, so ``app`` below is a thin ASGI
callable that handles the lifespan scope and hands HTTP to the Router.
"""
import os

import httpx
from baize.asgi import JSONResponse, Request, Response, Router, request_response

from stockapi.db import make_pool

_state: dict = {}


def get_pool():
    pool = _state.get("pool")
    if pool is None:
        raise RuntimeError("pool used before lifespan startup")
    return pool


def get_http() -> httpx.AsyncClient:
    return _state["http"]


@request_response
async def stock_level(request: Request) -> Response:
    sku = request.path_params["sku"]
    async with get_pool().connection() as conn:
        cur = await conn.execute(
            "SELECT sku, sum(qty) AS on_hand, max(updated_at) AS as_of "
            "FROM bin_stock WHERE sku = %s GROUP BY sku",
            (sku,),
        )
        row = await cur.fetchone()
    if row is None:
        return JSONResponse({"error": "unknown sku", "sku": sku}, status_code=404)
    return JSONResponse({"sku": row["sku"], "on_hand": int(row["on_hand"]),
                         "as_of": row["as_of"].isoformat()})


@request_response
async def eta(request: Request) -> Response:
    sku = request.path_params["sku"]
    async with get_pool().connection() as conn:
        cur = await conn.execute(
            "SELECT supplier_id, po_number FROM purchase_orders "
            "WHERE sku = %s AND status = 'OPEN' ORDER BY expected_at LIMIT 1",
            (sku,),
        )
        po = await cur.fetchone()
    if po is None:
        return JSONResponse({"sku": sku, "eta": None})
    resp = await get_http().get(f"/suppliers/{po['supplier_id']}/po/{po['po_number']}/eta")
    resp.raise_for_status()
    return JSONResponse({"sku": sku, "eta": resp.json().get("eta")})


@request_response
async def health(request: Request) -> Response:
    async with get_pool().connection() as conn:
        await conn.execute("SELECT 1")
    return JSONResponse({"ok": True})


router = Router(
    ("/health", health),
    ("/stock/{sku}", stock_level),
    ("/stock/{sku}/eta", eta),
)


async def _lifespan(receive, send):
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            try:
                pool = make_pool(max_size=int(os.environ.get("WEB_POOL_SIZE", "10")))
                await pool.open(wait=True, timeout=30)
                _state["pool"] = pool
                _state["http"] = httpx.AsyncClient(
                    base_url=os.environ["SUPPLIER_PORTAL_URL"], timeout=5.0
                )
            except Exception as exc:
                await send({"type": "lifespan.startup.failed", "message": str(exc)})
                return
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if "http" in _state:
                await _state["http"].aclose()
            if "pool" in _state:
                await _state["pool"].close()
            await send({"type": "lifespan.shutdown.complete"})
            return


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        await _lifespan(receive, send)
        return
    await router(scope, receive, send)
