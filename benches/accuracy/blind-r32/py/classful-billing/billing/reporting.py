"""Revenue queries used by the customer statements view."""
import os

from sqlalchemy import create_engine, text

report_engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://billing:billing@pg:5432/billing"),
    pool_size=5,
)


def lifetime_value(customer_id: int) -> int:
    with report_engine.connect() as conn:
        return conn.execute(
            text("SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE customer_id = :c"),
            {"c": customer_id},
        ).scalar_one()
