"""Pecan object-dispatch controllers for invoices."""
from datetime import date
from decimal import Decimal

import pecan
from pecan import abort, expose, request, response
from pecan.rest import RestController
from sqlalchemy import text

from billing import cache


def _invoice_dict(row) -> dict:
    return {
        "id": row.id,
        "customer_id": row.customer_id,
        "amount": str(row.amount),
        "currency": row.currency,
        "due_on": row.due_on.isoformat(),
        "status": row.status,
    }


class InvoicesController(RestController):
    @expose("json")
    def get_all(self, customer_id=None, status="open"):
        rows = request.db.execute(
            text(
                "SELECT id, customer_id, amount, currency, due_on, status FROM invoices "
                "WHERE (:customer_id IS NULL OR customer_id = :customer_id) AND status = :status "
                "ORDER BY due_on LIMIT 200"
            ),
            {"customer_id": customer_id, "status": status},
        ).all()
        return {"invoices": [_invoice_dict(r) for r in rows]}

    @expose("json")
    def get_one(self, invoice_id):
        key = f"invoice:{invoice_id}"
        cached = cache.get_json(key)
        if cached is not None:
            return cached
        row = request.db.execute(
            text(
                "SELECT id, customer_id, amount, currency, due_on, status FROM invoices WHERE id = :id"
            ),
            {"id": invoice_id},
        ).first()
        if row is None:
            abort(404)
        body = _invoice_dict(row)
        cache.put_json(key, body, ttl=120)
        return body

    @expose("json")
    def post(self):
        payload = pecan.request.json
        amount = Decimal(str(payload["amount"]))
        if amount <= 0:
            abort(400, "amount must be positive")
        new_id = request.db.execute(
            text(
                "INSERT INTO invoices (customer_id, amount, currency, due_on, status) "
                "VALUES (:customer_id, :amount, :currency, :due_on, 'open') RETURNING id"
            ),
            {
                "customer_id": payload["customer_id"],
                "amount": amount,
                "currency": payload.get("currency", "EUR"),
                "due_on": date.fromisoformat(payload["due_on"]),
            },
        ).scalar_one()
        response.status = 201
        return {"id": new_id}

    @expose("json")
    def delete(self, invoice_id):
        request.db.execute(
            text("UPDATE invoices SET status = 'void' WHERE id = :id AND status = 'open'"),
            {"id": invoice_id},
        )
        cache.forget(f"invoice:{invoice_id}")
        response.status = 204


class RootController:
    invoices = InvoicesController()

    @expose("json")
    def health(self):
        request.db.execute(text("SELECT 1"))
        return {"ok": True}
