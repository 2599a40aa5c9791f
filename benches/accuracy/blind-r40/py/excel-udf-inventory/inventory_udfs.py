"""Excel user-defined functions for the buying team's stock workbook.

Registered with Excel via the xlwings add-in ("Import Functions"); the
UDF server (xw.serve) stays up while the workbook is open and Excel calls
these functions every time a dependent cell is recalculated.
"""
import functools
import os

import psycopg
import requests
import xlwings as xw

ERP_DSN = os.environ.get("ERP_DSN", "postgresql://excel_ro@erp-db.internal:5432/erp")
FX_API = os.environ.get("FX_API", "https://fx.internal.example.com/v1")
FX_TOKEN = os.environ.get("FX_TOKEN", "")
CATALOG_API = os.environ.get("CATALOG_API", "https://catalog.internal.example.com")


@functools.lru_cache(maxsize=1)
def _catalog_session() -> requests.Session:
    # One keep-alive session for the lifetime of the UDF server.
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    return session


@xw.func
@xw.arg("sku", doc="Article number, e.g. A-10042")
@xw.arg("warehouse", doc="Warehouse code (default MAIN)")
def STOCK_ON_HAND(sku, warehouse="MAIN"):
    """Units on hand for one SKU in one warehouse."""
    if not sku:
        return 0
    with psycopg.connect(ERP_DSN, connect_timeout=5) as conn:
        row = conn.execute(
            "SELECT coalesce(sum(qty_on_hand), 0) FROM stock_levels "
            "WHERE sku = %s AND warehouse = %s",
            (str(sku).strip(), warehouse),
        ).fetchone()
    return float(row[0])


@xw.func
@xw.arg("base", doc="ISO currency, e.g. EUR")
@xw.arg("quote", doc="ISO currency, e.g. USD")
def FX_RATE(base, quote):
    """Spot rate from the treasury FX service."""
    if base == quote:
        return 1.0
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {FX_TOKEN}"
    resp = http.get(f"{FX_API}/rates/{base}/{quote}", timeout=5)
    resp.raise_for_status()
    return float(resp.json()["rate"])


@xw.func
@xw.arg("sku")
def SKU_TITLE(sku):
    """Catalogue title for an SKU (uses the shared catalogue session)."""
    resp = _catalog_session().get(f"{CATALOG_API}/articles/{sku}", timeout=5)
    if resp.status_code == 404:
        return "#N/A"
    resp.raise_for_status()
    return resp.json()["title"]


@xw.func
@xw.arg("skus", ndim=1)
@xw.ret(expand="table")
def REORDER_HINTS(skus):
    """Spills a two-column table of SKU / suggested reorder qty."""
    out = [["SKU", "Reorder"]]
    for sku in skus:
        if not sku:
            continue
        on_hand = STOCK_ON_HAND(sku)
        out.append([sku, max(0, 100 - on_hand)])
    return out


@xw.sub
def stamp_refresh():
    """Macro bound to the 'Refresh' button: recalculates the sheet."""
    wb = xw.Book.caller()
    wb.sheets["Stock"].range("B1").value = "refreshing..."
    wb.app.calculate()


if __name__ == "__main__":
    xw.serve()
