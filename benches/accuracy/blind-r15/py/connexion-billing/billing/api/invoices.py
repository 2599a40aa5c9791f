import os

import requests
from sqlalchemy import text

from billing.db import Session, engine

PSP_URL = os.environ.get("PSP_URL", "https://api.payments.example.com")
PSP_KEY = os.environ.get("PSP_KEY", "")


def list_invoices(customer_id):
    with Session() as session:
        rows = session.execute(
            text("SELECT id, number, total_cents, status FROM invoices WHERE customer_id = :c ORDER BY id DESC"),
            {"c": customer_id},
        ).mappings().all()
    return [dict(r) for r in rows], 200


def get_invoice(invoice_id):
    conn = engine.connect()
    row = conn.execute(
        text("SELECT id, number, customer_id, total_cents, status FROM invoices WHERE id = :id"),
        {"id": invoice_id},
    ).mappings().first()
    if row is None:
        return {"detail": f"invoice {invoice_id} not found"}, 404
    lines = conn.execute(
        text("SELECT description, qty, unit_cents FROM invoice_lines WHERE invoice_id = :id"),
        {"id": invoice_id},
    ).mappings().all()
    conn.close()
    return {**dict(row), "lines": [dict(l) for l in lines]}, 200


def pay_invoice(invoice_id, body):
    with Session.begin() as session:
        invoice = session.execute(
            text("SELECT id, total_cents, status FROM invoices WHERE id = :id FOR UPDATE"),
            {"id": invoice_id},
        ).mappings().first()
        if invoice is None:
            return {"detail": "not found"}, 404
        if invoice["status"] == "paid":
            return {"detail": "already paid"}, 409

        psp = requests.Session()
        psp.headers["Authorization"] = f"Bearer {PSP_KEY}"
        charge = psp.post(
            f"{PSP_URL}/v2/charges",
            json={
                "amount": invoice["total_cents"],
                "currency": "EUR",
                "payment_method": body["payment_method"],
                "reference": f"inv-{invoice_id}",
            },
            timeout=15,
        )
        if charge.status_code != 201:
            return {"detail": "payment declined"}, 402
        session.execute(
            text("UPDATE invoices SET status = 'paid', psp_charge_id = :ch WHERE id = :id"),
            {"ch": charge.json()["id"], "id": invoice_id},
        )
    return {"id": invoice_id, "status": "paid"}, 200
