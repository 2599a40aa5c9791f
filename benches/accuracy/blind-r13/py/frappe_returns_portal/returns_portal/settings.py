import frappe


def es_url() -> str:
    return frappe.conf.get("returns_es_url") or "http://localhost:9200"


def label_bucket() -> str:
    return frappe.conf.get("returns_label_bucket") or "acme-return-labels"
