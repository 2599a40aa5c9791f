import os
import re
from typing import Optional

import asyncpg
import httpx
from nemoguardrails.actions import action

ORDER_RE = re.compile(r"\b(\d{8})\b")


def _order_id(context: Optional[dict]) -> Optional[int]:
    m = ORDER_RE.search((context or {}).get("last_user_message") or "")
    return int(m.group(1)) if m else None


@action(name="lookup_order_status")
async def lookup_order_status(context: Optional[dict] = None):
    order_id = _order_id(context)
    if order_id is None:
        return "I couldn't find an order number in your message (it has 8 digits)."
    conn = await asyncpg.connect(os.environ["ORDERS_DSN"], command_timeout=5)
    try:
        row = await conn.fetchrow(
            "SELECT status, carrier, eta FROM orders WHERE id = $1", order_id
        )
    finally:
        await conn.close()
    if row is None:
        return f"no order {order_id} on file"
    eta = f", expected {row['eta']:%A %d %B}" if row["eta"] else ""
    return f"{row['status']} via {row['carrier'] or 'our warehouse'}{eta}"


@action(name="check_refund_eligibility")
async def check_refund_eligibility(context: Optional[dict] = None):
    order_id = _order_id(context)
    if order_id is None:
        return "Please tell me the 8-digit order number you'd like refunded."
    refunds = httpx.AsyncClient(base_url=os.environ["REFUNDS_API"], timeout=5.0)
    r = await refunds.get(f"/eligibility/{order_id}")
    if r.status_code == 404:
        return f"I couldn't find order {order_id}."
    r.raise_for_status()
    data = r.json()
    if data["eligible"]:
        return f"Order {order_id} can be refunded until {data['deadline']}. Reply 'refund it' to start."
    return f"Order {order_id} isn't eligible for a refund: {data['reason']}."


@action(name="handoff_to_agent")
async def handoff_to_agent(helpdesk: httpx.AsyncClient, context: Optional[dict] = None):
    ctx = context or {}
    await helpdesk.post(
        "/tickets",
        json={
            "subject": "Chat handoff",
            "last_message": ctx.get("last_user_message"),
            "order_id": _order_id(ctx),
        },
    )
    return True
