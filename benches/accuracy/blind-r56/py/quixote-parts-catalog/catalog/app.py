"""Parts catalog web app (Quixote 3).

    python -m catalog.app            # simple_server on :8080
"""
import json

from quixote import get_request, get_response, redirect
from quixote.directory import Directory
from quixote.errors import TraversalError
from quixote.html import htmlescape, htmltext
from quixote.publish import Publisher

from catalog.db import Session, find_part, search_parts
from catalog.legacy import legacy_connection, stock_levels, total_available
from catalog.reports import ReportsDirectory


class PartDirectory(Directory):
    """/parts/<part_no>/ ..."""

    _q_exports = ["", ("stock.json", "stock_json")]

    def __init__(self, part_no):
        self.part_no = part_no

    def _q_index(self):
        with Session() as session:
            part = find_part(session, self.part_no)
            if part is None:
                raise TraversalError(f"no part {self.part_no}")
            return htmltext(
                f"<h1>{htmlescape(part.part_no)} - {htmlescape(part.title)}</h1>"
                f"<p>{htmlescape(part.description)}</p>"
                f"<p>List price: {part.list_price}</p>"
                f'<p><a href="stock.json">Stock</a></p>'
            )

    def stock_json(self):
        conn = legacy_connection()
        try:
            rows = stock_levels(conn, self.part_no)
        finally:
            conn.close()
        get_response().set_content_type("application/json")
        return json.dumps({
            "part_no": self.part_no,
            "available": total_available(rows),
            "warehouses": [
                {"code": r["warehouse"], "on_hand": r["qty_on_hand"]} for r in rows
            ],
        })


class PartsDirectory(Directory):
    _q_exports = [""]

    def _q_index(self):
        term = (get_request().get_field("q") or "").strip()
        if not term:
            return htmltext('<form><input name="q"><button>Search</button></form>')
        with Session() as session:
            parts = search_parts(session, term)
            items = "".join(
                f'<li><a href="{htmlescape(p.part_no)}/">{htmlescape(p.part_no)}</a> '
                f"{htmlescape(p.title)}</li>"
                for p in parts
            )
        return htmltext(f"<h1>Results for {htmlescape(term)}</h1><ul>{items}</ul>")

    def _q_lookup(self, component):
        return PartDirectory(component)


class RootDirectory(Directory):
    _q_exports = ["", "parts", "reports"]

    parts = PartsDirectory()
    reports = ReportsDirectory()

    def _q_index(self):
        return redirect("parts/")


def create_publisher():
    return Publisher(RootDirectory(), display_exceptions="plain")


if __name__ == "__main__":
    from quixote.server.simple_server import run

    run(create_publisher, host="0.0.0.0", port=8080)
