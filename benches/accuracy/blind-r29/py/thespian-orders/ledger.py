"""Ledger postings for placed and refunded orders (same orders database)."""
import os
from decimal import Decimal

from sqlalchemy import create_engine, text

LEDGER_URL = os.environ.get(
    "ORDERS_DATABASE_URL", "postgresql+psycopg2://orders:orders@db:5432/orders"
)

ledger_engine = create_engine(LEDGER_URL, pool_size=5, pool_recycle=1800)


def post_entry(order_id: str, account: str, amount_cents: int, memo: str) -> None:
    with ledger_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO ledger_entries (order_id, account, amount, memo) "
                "VALUES (:order_id, :account, :amount, :memo)"
            ),
            {
                "order_id": order_id,
                "account": account,
                "amount": Decimal(amount_cents) / 100,
                "memo": memo,
            },
        )


def balance(account: str) -> Decimal:
    with ledger_engine.connect() as conn:
        value = conn.execute(
            text("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = :a"),
            {"a": account},
        ).scalar_one()
    return Decimal(value)
