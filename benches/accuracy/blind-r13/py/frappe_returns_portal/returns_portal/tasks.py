import frappe
import requests

REFUNDS_API = "https://payments.acme-retail.example/api/refunds"


def sync_refund_status():
    """scheduler_events cron, every 15 minutes."""
    http = requests.Session()
    http.headers["X-Api-Key"] = frappe.conf.get("payments_api_key")
    pending = frappe.get_all(
        "Return Request",
        filters={"status": "Refund Pending"},
        fields=["name", "refund_id"],
    )
    for row in pending:
        resp = http.get(f"{REFUNDS_API}/{row.refund_id}", timeout=10)
        if resp.status_code == 200 and resp.json().get("state") == "settled":
            frappe.db.set_value("Return Request", row.name, "status", "Refunded")
    frappe.db.commit()


def purge_old_labels():
    frappe.db.delete("Return Label Log", {"creation": ("<", frappe.utils.add_days(None, -90))})
    frappe.db.commit()
