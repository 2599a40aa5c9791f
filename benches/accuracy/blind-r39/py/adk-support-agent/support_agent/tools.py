"""Function tools; ADK calls these once per model tool-call."""
import httpx
from google.adk.tools import ToolContext

from . import clients


def _tenant(tool_context: ToolContext) -> str:
    return tool_context.state.get("user:tenant", "acme")


def lookup_order(order_id: str, tool_context: ToolContext) -> dict:
    """Look up an order by its id and return status, items and shipping information.

    Args:
        order_id: The customer's order number, e.g. "A-10293".
    """
    with clients.orders_pool().connection() as conn:
        row = conn.execute(
            "SELECT o.id, o.status, o.total_cents, s.carrier, s.tracking_number"
            " FROM orders o LEFT JOIN shipments s ON s.order_id = o.id"
            " WHERE o.id = %s AND o.tenant = %s",
            (order_id, _tenant(tool_context)),
        ).fetchone()
    if row is None:
        return {"status": "error", "message": f"order {order_id} not found"}
    return {
        "status": "ok",
        "order_id": row[0],
        "order_status": row[1],
        "total": row[2] / 100,
        "carrier": row[3],
        "tracking_number": row[4],
    }


def search_help_center(query: str, tool_context: ToolContext) -> dict:
    """Search the tenant's help-center articles.

    Args:
        query: Free-text description of the customer's problem.
    """
    es = clients.kb_client(_tenant(tool_context))
    result = es.search(
        index="articles",
        query={"multi_match": {"query": query, "fields": ["title^3", "body"]}},
        size=3,
        source=["title", "url", "summary"],
    )
    return {"status": "ok", "articles": [hit["_source"] for hit in result["hits"]["hits"]]}


def request_refund(order_id: str, reason: str, tool_context: ToolContext) -> dict:
    """Open a refund request with the billing service for an order.

    Args:
        order_id: The order to refund.
        reason: Short reason given by the customer.
    """
    try:
        resp = clients.BILLING.post(
            "/refund-requests",
            json={"order_id": order_id, "reason": reason, "tenant": _tenant(tool_context)},
        )
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        return {"status": "error", "message": str(exc)}
    tool_context.state["last_refund_request"] = resp.json()["id"]
    return {"status": "ok", "refund_request_id": resp.json()["id"]}
