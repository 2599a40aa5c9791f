"""/reports/ pages for the purchasing team."""
import os

from quixote import get_request, get_response
from quixote.directory import Directory
from quixote.html import htmlescape, htmltext
from sqlalchemy import create_engine, text

# reports run heavier queries, so they get their own engine
report_engine = create_engine(os.environ["CATALOG_DATABASE_URL"], pool_size=3, pool_recycle=1800)

TOP_SUPPLIERS_SQL = text(
    """
    SELECT s.name, count(p.id) AS parts, avg(p.list_price) AS avg_price
      FROM suppliers s JOIN parts p ON p.supplier_id = s.id
     GROUP BY s.name
     ORDER BY parts DESC
     LIMIT :limit
    """
)


class ReportsDirectory(Directory):
    _q_exports = ["", "suppliers", ("suppliers.csv", "suppliers_csv")]

    def _q_index(self):
        return htmltext(
            "<h1>Reports</h1><ul>"
            '<li><a href="suppliers">Top suppliers</a></li>'
            '<li><a href="suppliers.csv">Top suppliers (CSV)</a></li>'
            "</ul>"
        )

    def _top_suppliers(self):
        limit = int(get_request().get_field("limit") or 25)
        with report_engine.connect() as conn:
            return conn.execute(TOP_SUPPLIERS_SQL, {"limit": limit}).all()

    def suppliers(self):
        rows = self._top_suppliers()
        body = "".join(
            f"<tr><td>{htmlescape(r.name)}</td><td>{r.parts}</td><td>{r.avg_price:.2f}</td></tr>"
            for r in rows
        )
        return htmltext(f"<h1>Top suppliers</h1><table>{body}</table>")

    def suppliers_csv(self):
        get_response().set_content_type("text/csv")
        lines = ["supplier,parts,avg_price"]
        lines += [f'"{r.name}",{r.parts},{r.avg_price:.2f}' for r in self._top_suppliers()]
        return "\n".join(lines) + "\n"
