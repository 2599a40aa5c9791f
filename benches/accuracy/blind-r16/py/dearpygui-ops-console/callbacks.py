import dearpygui.dearpygui as dpg

from backend import FULFILLMENT_URL, Backend


def lookup_order(sender, app_data, backend: Backend) -> None:
    order_id = dpg.get_value("order_id").strip()
    if not order_id:
        return
    with backend.pool.connection() as conn:
        row = conn.execute(
            "SELECT status, total_cents, customer_email FROM orders WHERE id = %s", (order_id,)
        ).fetchone()
    if row is None:
        dpg.set_value("order_details", f"order {order_id} not found")
        return
    status, total, email = row
    dpg.set_value("order_details", f"{status}  {total / 100:.2f} EUR  {email}")


def resend_shipment(sender, app_data, backend: Backend) -> None:
    order_id = dpg.get_value("order_id").strip()
    resp = backend.http.post(f"{FULFILLMENT_URL}/orders/{order_id}/resend", timeout=10)
    dpg.set_value("order_details", f"resend -> HTTP {resp.status_code}")


def refresh_backlog(backend: Backend) -> None:
    with backend.pool.connection() as conn:
        rows = conn.execute(
            "SELECT status, count(*) FROM orders WHERE created_at > now() - interval '1 day' GROUP BY status"
        ).fetchall()
    dpg.set_value("backlog", "\n".join(f"{s:<12}{n:>6}" for s, n in rows))
