"""Nightly-style reports, rendered on demand for the shift supervisors.

Added by the reporting team as a drop-in module.
"""
import os
from datetime import date, timedelta

from lona import View
from lona.html import H1, H2, HTML, Li, P, Ul
from psycopg2.pool import ThreadedConnectionPool

from app import app

REPORT_DSN = os.environ.get(
    "INVENTORY_DSN", "postgresql://inventory:inventory@db.internal:5432/inventory"
)

report_pool = ThreadedConnectionPool(minconn=1, maxconn=4, dsn=REPORT_DSN)


def picks_per_day(days):
    conn = report_pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT picked_at::date AS day, count(*), sum(qty) FROM picks "
                "WHERE picked_at >= %s GROUP BY 1 ORDER BY 1",
                (date.today() - timedelta(days=days),),
            )
            return cur.fetchall()
    finally:
        report_pool.putconn(conn)


@app.route("/reports/picks")
class PickReportView(View):
    def handle_request(self, request):
        days = int(request.GET.get("days", "7"))
        rows = picks_per_day(days)
        items = Ul()
        for day, count, qty in rows:
            items.append(Li(f"{day.isoformat()}: {count} picks, {qty} units"))
        total = sum(r[2] or 0 for r in rows)
        return HTML(
            H1("Pick throughput"),
            H2(f"Last {days} days"),
            items,
            P(f"Total units picked: {total}"),
        )
