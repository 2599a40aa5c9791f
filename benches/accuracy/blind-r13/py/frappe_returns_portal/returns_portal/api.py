"""Whitelisted endpoints called from the portal page (/api/method/...)."""
import frappe
import pymysql

_shop_cfg = None


def _shop_settings():
    global _shop_cfg
    if _shop_cfg is None:
        _shop_cfg = frappe.get_single("Shop Connector Settings")
    return _shop_cfg


@frappe.whitelist()
def lookup_order(order_id: str):
    cfg = _shop_settings()
    conn = pymysql.connect(
        host=cfg.db_host,
        user=cfg.db_user,
        password=cfg.get_password("db_password"),
        database=cfg.db_name,
        cursorclass=pymysql.cursors.DictCursor,
    )
    with conn.cursor() as cur:
        cur.execute("SELECT id, email, total, placed_at FROM orders WHERE id = %s", (order_id,))
        order = cur.fetchone()
    if not order:
        frappe.throw("Order not found")
    return order


@frappe.whitelist()
def my_returns():
    # frappe.db is the per-request connection Frappe itself opens and closes.
    return frappe.get_all(
        "Return Request",
        filters={"owner": frappe.session.user},
        fields=["name", "status", "creation"],
        order_by="creation desc",
    )
