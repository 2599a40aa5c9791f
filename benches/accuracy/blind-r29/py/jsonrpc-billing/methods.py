"""JSON-RPC methods. Each receives the per-request context as its first argument."""
from decimal import Decimal

from jsonrpcserver import Error, Result, Success, method
from sqlalchemy import text

from deps import RequestContext


@method
def ping(context: RequestContext) -> Result:
    return Success("pong")


@method
def get_invoice(context: RequestContext, invoice_id: int) -> Result:
    row = context.session.execute(
        text("SELECT id, customer_id, total, status FROM invoices WHERE id = :id"),
        {"id": invoice_id},
    ).mappings().first()
    if row is None:
        return Error(404, "invoice not found")
    return Success({**row, "total": str(row["total"])})


@method
def create_invoice(context: RequestContext, customer_id: int, lines: list) -> Result:
    subtotal = sum(Decimal(str(l["price"])) * l["qty"] for l in lines)
    quote = context.tax.post(
        "/quote", json={"customer": customer_id, "amount": str(subtotal)}
    )
    quote.raise_for_status()
    total = subtotal + Decimal(quote.json()["tax"])
    invoice_id = context.session.execute(
        text(
            "INSERT INTO invoices (customer_id, total, status, created_by) "
            "VALUES (:c, :t, 'open', :by) RETURNING id"
        ),
        {"c": customer_id, "t": total, "by": context.caller},
    ).scalar_one()
    context.session.commit()
    return Success({"id": invoice_id, "total": str(total)})


@method
def void_invoice(context: RequestContext, invoice_id: int, reason: str) -> Result:
    updated = context.session.execute(
        text("UPDATE invoices SET status = 'void', void_reason = :r WHERE id = :id AND status = 'open'"),
        {"r": reason, "id": invoice_id},
    ).rowcount
    context.session.commit()
    return Success({"voided": bool(updated)})
