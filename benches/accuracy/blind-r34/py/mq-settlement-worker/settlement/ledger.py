"""Double-entry ledger writes for settled payments."""
import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get(
        "SETTLEMENT_DB_URL", "mysql+pymysql://settle:settle@mysql-payments:3306/payments"
    ),
    pool_recycle=1800,
)


def post_entries(payment_id, debit_account, credit_account, amount_minor, currency):
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO ledger_entries (payment_id, account, amount_minor, currency) "
                "VALUES (:p, :a, :m, :c)"
            ),
            [
                {"p": payment_id, "a": debit_account, "m": -amount_minor, "c": currency},
                {"p": payment_id, "a": credit_account, "m": amount_minor, "c": currency},
            ],
        )
