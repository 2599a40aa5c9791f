"""Tools the agent may call (once per tool call the model decides to make)."""
import json

import httpx
from phi.tools import Toolkit
from psycopg_pool import ConnectionPool


class FulfilmentTools(Toolkit):
    def __init__(self, pool: ConnectionPool):
        super().__init__(name="fulfilment_tools")
        self.pool = pool
        self.register(self.get_order_status)
        self.register(self.list_stuck_orders)

    def get_order_status(self, order_id: str) -> str:
        """Look up the fulfilment status of one order.

        Args:
            order_id (str): The order number, e.g. "SO-104233".

        Returns:
            str: JSON with status, warehouse and last event.
        """
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT status, warehouse, last_event, last_event_at FROM orders WHERE order_no = %s",
                (order_id,),
            ).fetchone()
        if row is None:
            return json.dumps({"error": f"order {order_id} not found"})
        status, warehouse, last_event, at = row
        return json.dumps(
            {"status": status, "warehouse": warehouse, "last_event": last_event, "at": at.isoformat()}
        )

    def list_stuck_orders(self, warehouse: str, hours: int = 24) -> str:
        """List orders in a warehouse with no progress for more than `hours` hours.

        Args:
            warehouse (str): Warehouse code, e.g. "AMS1".
            hours (int): Minimum hours without a new event.

        Returns:
            str: JSON list of order numbers and their current status.
        """
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT order_no, status FROM orders WHERE warehouse = %s"
                " AND last_event_at < now() - make_interval(hours => %s) ORDER BY last_event_at LIMIT 50",
                (warehouse, hours),
            ).fetchall()
        return json.dumps([{"order": o, "status": s} for o, s in rows])


def make_carrier_tracking_tool(http: httpx.Client):
    """Build the carrier-tracking function tool around an injected client."""

    def track_parcel(tracking_number: str) -> str:
        """Get the latest carrier scan for a parcel.

        Args:
            tracking_number (str): Carrier tracking number.

        Returns:
            str: JSON with the latest scan location and time.
        """
        resp = http.get(f"/v2/parcels/{tracking_number}/events", params={"limit": 1})
        if resp.status_code == 404:
            return json.dumps({"error": "unknown tracking number"})
        resp.raise_for_status()
        events = resp.json().get("events", [])
        return json.dumps(events[0] if events else {"status": "no scans yet"})

    return track_parcel
