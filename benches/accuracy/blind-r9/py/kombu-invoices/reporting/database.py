"""Engine used by the revenue reporting helpers."""
import os

from sqlalchemy import create_engine, text

report_engine = create_engine(os.environ["DATABASE_URL"], pool_size=3)


def record_revenue(conn, customer_id: int, amount_cents: int) -> None:
    conn.execute(
        text(
            "INSERT INTO revenue_daily (day, customer_id, amount_cents) "
            "VALUES (current_date, :c, :a) "
            "ON CONFLICT (day, customer_id) DO UPDATE "
            "SET amount_cents = revenue_daily.amount_cents + EXCLUDED.amount_cents"
        ),
        {"c": customer_id, "a": amount_cents},
    )
