from sqlalchemy import text

from billing.reporting.database import report_engine


def monthly_revenue(year):
    with report_engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT date_trunc('month', paid_at) AS month, sum(total_cents) AS cents "
                "FROM invoices WHERE status = 'paid' AND extract(year FROM paid_at) = :y "
                "GROUP BY 1 ORDER BY 1"
            ),
            {"y": year},
        ).all()
    return [{"month": m.strftime("%Y-%m"), "cents": int(c)} for m, c in rows], 200
