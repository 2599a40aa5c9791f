"""Double-entry ledger postings.

Kept separate from the ORM models because finance wanted raw SQL they
can audit line by line.
"""
import os
from decimal import Decimal

from sqlalchemy import create_engine, text

ledger_engine = create_engine(
    os.environ["BILLING_DATABASE_URL"],
    pool_size=5,
    max_overflow=10,
    pool_pre_ping=True,
)

POST_SQL = text(
    """
    INSERT INTO ledger_entries (account_id, invoice_id, debit, credit, memo)
    VALUES (:account_id, :invoice_id, :debit, :credit, :memo)
    """
)


def post_invoice(account_id: int, invoice_id: int, total: Decimal) -> None:
    with ledger_engine.begin() as conn:
        conn.execute(POST_SQL, {"account_id": account_id, "invoice_id": invoice_id,
                                "debit": total, "credit": Decimal("0"), "memo": "invoice"})
        conn.execute(POST_SQL, {"account_id": 1, "invoice_id": invoice_id,
                                "debit": Decimal("0"), "credit": total, "memo": "revenue"})


def close_day(day) -> int:
    with ledger_engine.begin() as conn:
        result = conn.execute(
            text("UPDATE ledger_entries SET closed = true WHERE closed = false AND created_at::date <= :day"),
            {"day": day},
        )
        return result.rowcount
