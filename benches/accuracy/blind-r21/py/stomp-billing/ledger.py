"""Double-entry ledger postings, written with plain SQL."""
from __future__ import annotations

import os
import uuid
from decimal import Decimal

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get(
        "BILLING_DATABASE_URL",
        "postgresql+psycopg2://billing:billing@pg-billing.internal:5432/billing",
    ),
    pool_size=10,
    pool_recycle=1800,
)

_INSERT = text(
    "INSERT INTO ledger_entries (id, invoice_id, account, direction, amount, currency) "
    "VALUES (:id, :invoice_id, :account, :direction, :amount, :currency)"
)


def post_payment(invoice_id: str, customer_id: str, amount: Decimal, currency: str) -> None:
    """Debit cash, credit the customer's receivable account."""
    conn = _engine.connect()
    conn.execute(
        _INSERT,
        {
            "id": str(uuid.uuid4()),
            "invoice_id": invoice_id,
            "account": "cash",
            "direction": "debit",
            "amount": amount,
            "currency": currency,
        },
    )
    conn.execute(
        _INSERT,
        {
            "id": str(uuid.uuid4()),
            "invoice_id": invoice_id,
            "account": f"receivable:{customer_id}",
            "direction": "credit",
            "amount": amount,
            "currency": currency,
        },
    )
    conn.commit()
    conn.close()


def receivable_balance(customer_id: str, currency: str) -> Decimal:
    with _engine.connect() as conn:
        value = conn.execute(
            text(
                "SELECT COALESCE(SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END), 0) "
                "FROM ledger_entries WHERE account = :account AND currency = :currency"
            ),
            {"account": f"receivable:{customer_id}", "currency": currency},
        ).scalar_one()
    return Decimal(value)
