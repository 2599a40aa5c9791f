from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from dataclasses import dataclass

import asyncpg
import httpx
from pydantic_ai import Agent, RunContext


@dataclass
class Deps:
    db: asyncpg.Pool
    carrier: httpx.AsyncClient
    customer_id: int


agent = Agent(
    os.environ.get("SUPPORT_MODEL", "openai:gpt-4o-mini"),
    deps_type=Deps,
    system_prompt=(
        "You are a support assistant for an online shop. Use the tools to look up the "
        "customer's orders and shipments. Never reveal other customers' data."
    ),
)


@agent.tool
async def recent_orders(ctx: RunContext[Deps], limit: int = 5) -> list[dict]:
    """List the customer's most recent orders."""
    async with ctx.deps.db.acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, status, total_cents, tracking_no, created_at FROM orders "
            "WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2",
            ctx.deps.customer_id,
            limit,
        )
    return [dict(r) | {"created_at": r["created_at"].isoformat()} for r in rows]


@agent.tool
async def shipment_status(ctx: RunContext[Deps], tracking_no: str) -> dict:
    """Current carrier status for a tracking number."""
    resp = await ctx.deps.carrier.get(f"/v1/tracking/{tracking_no}")
    if resp.status_code == 404:
        return {"tracking_no": tracking_no, "status": "unknown"}
    resp.raise_for_status()
    data = resp.json()
    return {"tracking_no": tracking_no, "status": data["status"], "eta": data.get("estimated_delivery")}


@agent.tool_plain
def convert_currency(amount: float, from_currency: str, to_currency: str) -> float:
    """Convert an amount between currencies using the public ECB-backed rates API."""
    query = urllib.parse.urlencode({"from": from_currency, "to": to_currency, "amount": amount})
    with urllib.request.urlopen(f"https://api.frankfurter.app/latest?{query}", timeout=10) as resp:
        payload = json.load(resp)
    return float(payload["rates"][to_currency])
