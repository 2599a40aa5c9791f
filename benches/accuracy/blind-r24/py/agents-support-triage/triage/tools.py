"""Function tools the triage agent may call. The Agents SDK invokes these
whenever the model emits a tool call, i.e. several times per ticket."""
import json
import os

import redis
from agents import function_tool
from sqlalchemy import create_engine, select, text

from .db import SessionLocal
from .models import Order, Shipment


@function_tool
def order_status(order_id: str) -> str:
    """Look up an order and its latest shipment.

    Args:
        order_id: The customer-facing order number, e.g. "A123456".
    """
    with SessionLocal() as session:
        order = session.scalar(select(Order).where(Order.number == order_id))
        if order is None:
            return json.dumps({"error": "order not found"})
        shipment = session.scalar(
            select(Shipment)
            .where(Shipment.order_id == order.id)
            .order_by(Shipment.created_at.desc())
        )
        return json.dumps(
            {
                "status": order.status,
                "total": str(order.total),
                "carrier": shipment.carrier if shipment else None,
                "tracking": shipment.tracking_number if shipment else None,
            }
        )


@function_tool
def loyalty_balance(customer_email: str) -> str:
    """Return the customer's loyalty tier and point balance.

    Args:
        customer_email: Email address on the ticket.
    """
    loyalty = create_engine(os.environ["LOYALTY_DB_URL"])
    with loyalty.connect() as conn:
        row = conn.execute(
            text("SELECT tier, points FROM members WHERE lower(email) = lower(:e)"),
            {"e": customer_email},
        ).first()
    if row is None:
        return json.dumps({"member": False})
    return json.dumps({"member": True, "tier": row.tier, "points": row.points})


@function_tool
def recent_contacts(customer_email: str) -> str:
    """How many times this customer contacted support in the last 7 days.

    Args:
        customer_email: Email address on the ticket.
    """
    r = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, db=2)
    key = f"contacts:{customer_email.lower()}"
    return json.dumps({"contacts_7d": int(r.zcount(key, "-inf", "+inf"))})
