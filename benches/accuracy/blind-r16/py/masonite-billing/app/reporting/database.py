"""Read-side helpers used by the revenue reports."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://billing:billing@db/billing"),
    pool_size=5,
    pool_recycle=1800,
)


def monthly_revenue(year: int):
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT date_trunc('month', paid_at) AS month, sum(amount_cents) AS total "
                "FROM invoices WHERE extract(year FROM paid_at) = :y AND status = 'paid' "
                "GROUP BY 1 ORDER BY 1"
            ),
            {"y": year},
        )
        return [{"month": r.month.isoformat(), "total": int(r.total)} for r in rows]
