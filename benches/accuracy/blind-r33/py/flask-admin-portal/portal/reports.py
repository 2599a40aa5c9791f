"""Sales report screen. Raw SQL against the catalog database."""
import os

from flask_admin import BaseView, expose
from flask_login import current_user
from sqlalchemy import create_engine, text

report_engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://catalog:catalog@db:5432/catalog"),
    pool_size=5,
    pool_pre_ping=True,
)

TOP_SKUS = text(
    """
    SELECT p.sku, p.title, sum(l.qty) AS units, sum(l.qty * l.unit_price) AS revenue
      FROM order_lines l JOIN products p ON p.id = l.product_id
     WHERE l.created_at >= now() - make_interval(days => :days)
     GROUP BY p.sku, p.title
     ORDER BY revenue DESC
     LIMIT 50
    """
)


class SalesReportView(BaseView):
    def is_accessible(self):
        return current_user.is_authenticated and current_user.role in ("admin", "analyst")

    @expose("/")
    def index(self):
        with report_engine.connect() as conn:
            rows = conn.execute(TOP_SKUS, {"days": 30}).mappings().all()
        return self.render("admin/sales.html", rows=rows)
