"""Warehouse stock board. JustPy calls stock_page() for every page request and the
click handlers for every button press; they only borrow sessions from the shared engine."""
import justpy as jp
from sqlalchemy import text

from stockboard.services import Services, build_services

SERVICES: Services | None = None

LOW_STOCK_SQL = text(
    "SELECT sku, description, on_hand, reorder_point FROM stock_levels "
    "WHERE warehouse = :w AND on_hand <= reorder_point ORDER BY on_hand"
)


def startup():
    global SERVICES
    SERVICES = build_services()


def reorder(self, msg):
    with SERVICES.Session.begin() as session:
        session.execute(
            text("INSERT INTO reorder_requests (warehouse, sku, requested_at) VALUES (:w, :s, now())"),
            {"w": self.warehouse, "s": self.sku},
        )
    resp = SERVICES.http.post("/v1/reorders", json={"warehouse": self.warehouse, "sku": self.sku})
    self.text = "Requested" if resp.is_success else "Failed"
    self.disabled = resp.is_success


def stock_page(request):
    warehouse = request.query_params.get("wh", "AMS1")
    wp = jp.WebPage(title=f"Low stock - {warehouse}")
    jp.Div(text=f"Low stock in {warehouse}", a=wp, classes="text-2xl font-bold m-4")
    table = jp.Table(a=wp, classes="m-4 table-auto")
    header = jp.Tr(a=table)
    for col in ("SKU", "Description", "On hand", "Reorder point", ""):
        jp.Th(text=col, a=header, classes="px-3 text-left")

    with SERVICES.Session() as session:
        rows = session.execute(LOW_STOCK_SQL, {"w": warehouse}).all()

    for r in rows:
        tr = jp.Tr(a=table)
        for value in (r.sku, r.description, r.on_hand, r.reorder_point):
            jp.Td(text=str(value), a=tr, classes="px-3")
        btn = jp.Button(text="Reorder", a=jp.Td(a=tr), classes="bg-blue-500 text-white px-2 rounded")
        btn.warehouse = warehouse
        btn.sku = r.sku
        btn.on("click", reorder)
    return wp


if __name__ == "__main__":
    jp.justpy(stock_page, startup=startup, host="0.0.0.0", port=8000)
