import frappe


def after_install():
    if not frappe.db.exists("Role", "Returns Agent"):
        frappe.get_doc({"doctype": "Role", "role_name": "Returns Agent"}).insert()
