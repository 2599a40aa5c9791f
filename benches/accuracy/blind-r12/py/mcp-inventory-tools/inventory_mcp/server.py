"""Inventory tools for Claude / other MCP clients (stdio or streamable HTTP)."""
import json
import os

import httpx
import psycopg
import redis
from mcp.server.fastmcp import Context, FastMCP

from .cache import cached_json
from .store import DSN, LOW_STOCK_SQL, get_conn

SUPPLIER_API = os.environ.get("SUPPLIER_API", "https://api.supplier.example.com/v2")
CATALOG_API = os.environ.get("CATALOG_API", "https://catalog.internal.example.com")

mcp = FastMCP("inventory")

# Shared for the whole server process.
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)
catalog = httpx.Client(base_url=CATALOG_API, timeout=5.0)


@mcp.tool()
def stock_level(sku: str) -> dict:
    """Return on-hand and reserved quantity for a SKU."""
    hit = cache.get(f"stock:{sku}")
    if hit:
        return json.loads(hit)
    with psycopg.connect(DSN) as conn:
        row = conn.execute(
            "SELECT on_hand, reserved FROM stock WHERE sku = %s", (sku,)
        ).fetchone()
    if row is None:
        return {"sku": sku, "error": "unknown sku"}
    result = {"sku": sku, "on_hand": row[0], "reserved": row[1], "available": row[0] - row[1]}
    cache.setex(f"stock:{sku}", 30, json.dumps(result))
    return result


@mcp.tool()
def product_details(sku: str) -> dict:
    """Look up catalogue metadata (name, dimensions, supplier) for a SKU."""

    def load() -> dict:
        resp = catalog.get(f"/products/{sku}")
        resp.raise_for_status()
        return resp.json()

    return cached_json(f"product:{sku}", 600, load)


@mcp.tool()
async def supplier_quote(sku: str, quantity: int, ctx: Context) -> dict:
    """Ask the supplier for a price and lead time on a re-order."""
    await ctx.info(f"requesting quote for {quantity} x {sku}")
    async with httpx.AsyncClient(base_url=SUPPLIER_API, timeout=10.0) as client:
        resp = await client.post(
            "/quotes",
            json={"sku": sku, "quantity": quantity},
            headers={"Authorization": f"Bearer {os.environ['SUPPLIER_TOKEN']}"},
        )
        resp.raise_for_status()
        quote = resp.json()
    return {"sku": sku, "unit_price": quote["unit_price"], "lead_days": quote["lead_time_days"]}


@mcp.resource("inventory://low-stock/{limit}")
def low_stock(limit: str) -> str:
    """Items at or below their re-order point."""
    with get_conn() as conn:
        rows = conn.execute(LOW_STOCK_SQL, (int(limit),)).fetchall()
    return json.dumps(rows, default=str)


@mcp.prompt()
def reorder_plan(warehouse: str) -> str:
    return (
        f"Review the low-stock resource for warehouse {warehouse}, request supplier quotes "
        "for the five most urgent SKUs and propose a re-order plan with total cost."
    )


def main() -> None:
    mcp.run(transport=os.environ.get("MCP_TRANSPORT", "stdio"))


if __name__ == "__main__":
    main()
