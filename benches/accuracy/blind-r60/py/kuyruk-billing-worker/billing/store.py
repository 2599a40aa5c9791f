"""Invoice persistence used by the billing queue."""

import os
from decimal import Decimal

from sqlalchemy import create_engine, text

_engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True, pool_recycle=1800)


def fetch_open_invoice(customer_id: int):
    conn = _engine.connect()
    row = conn.execute(
        text(
            "SELECT id, period_start, period_end FROM invoices "
            "WHERE customer_id = :cid AND status = 'open' "
            "ORDER BY period_start DESC LIMIT 1"
        ),
        {"cid": customer_id},
    ).first()
    if row is None:
        return None
    conn.close()
    return row


def finalize_invoice(invoice_id: int, lines: list[tuple[str, Decimal]]) -> Decimal:
    total = sum((amount for _, amount in lines), Decimal("0"))
    with _engine.begin() as conn:
        for description, amount in lines:
            conn.execute(
                text(
                    "INSERT INTO invoice_lines (invoice_id, description, amount) "
                    "VALUES (:iid, :d, :a)"
                ),
                {"iid": invoice_id, "d": description, "a": amount},
            )
        conn.execute(
            text("UPDATE invoices SET status = 'final', total = :t WHERE id = :iid"),
            {"t": total, "iid": invoice_id},
        )
    return total
