"""Agent tools. make_tools() is called once from main(); each tool runs per tool call."""
from langchain_core.tools import StructuredTool
from psycopg_pool import ConnectionPool

from .crm import crm_client


def make_tools(pool: ConnectionPool, tenant_cfg: dict) -> list[StructuredTool]:
    def order_status(order_id: str) -> str:
        """Look up the status and carrier of an order by its id."""
        with pool.connection() as conn:
            row = conn.execute(
                "SELECT status, carrier, updated_at FROM orders WHERE id = %s", (order_id,)
            ).fetchone()
        if row is None:
            return f"Order {order_id} not found."
        return f"Order {order_id}: {row[0]} via {row[1]} (updated {row[2]:%Y-%m-%d})."

    def customer_notes(tenant: str, email: str) -> str:
        """Fetch CRM notes for a customer email within a tenant."""
        cfg = tenant_cfg[tenant]
        resp = crm_client(tenant, cfg["crm_url"], cfg["crm_token"]).get(
            "/contacts/notes", params={"email": email}
        )
        if resp.status_code != 200:
            return "CRM unavailable."
        return "\n".join(n["text"] for n in resp.json().get("notes", [])[:5]) or "No notes."

    return [
        StructuredTool.from_function(order_status),
        StructuredTool.from_function(customer_notes),
    ]
