"""Worksheet functions; Excel calls each one per cell on every recalculation."""
import json
import urllib.request

from pyxll import xl_func, xl_on_close, xl_on_reload
from sqlalchemy import text

from pricing import clients


@xl_func("string sku, string currency: float", volatile=False)
def LIST_PRICE(sku, currency="EUR"):
    """List price of a SKU in the requested currency."""
    with clients.engine().connect() as conn:
        price_eur = conn.execute(
            text("SELECT list_price_eur FROM price_list WHERE sku = :sku AND valid_to IS NULL"),
            {"sku": sku},
        ).scalar_one()
    if currency == "EUR":
        return float(price_eur)
    rate = clients.http().get(clients.FX_API + "/rates/EUR/" + currency, timeout=5).json()
    return float(price_eur) * rate["rate"]


@xl_func("string customer, string sku, int qty: float")
def NET_PRICE(customer, sku, qty):
    """Net price after the customer's contract discount and volume breaks."""
    with clients.engine().connect() as conn:
        row = conn.execute(
            text(
                "SELECT p.list_price_eur, coalesce(d.discount, 0) AS discount"
                " FROM price_list p LEFT JOIN discounts d"
                "   ON d.sku = p.sku AND d.customer = :customer"
                " WHERE p.sku = :sku AND p.valid_to IS NULL"
            ),
            {"customer": customer, "sku": sku},
        ).one()
        brk = conn.execute(
            text("SELECT coalesce(max(pct), 0) FROM volume_breaks WHERE sku = :sku AND min_qty <= :q"),
            {"sku": sku, "q": qty},
        ).scalar_one()
    return float(row.list_price_eur) * (1 - float(row.discount)) * (1 - float(brk)) * qty


@xl_func("string isin: float")
def ECB_RATE(isin):
    """Reference rate from the public ECB endpoint (plain urllib, no pooling)."""
    url = "https://data-api.ecb.europa.eu/service/data/FM/" + isin + "?format=jsondata&lastNObservations=1"
    with urllib.request.urlopen(url, timeout=10) as resp:
        data = json.load(resp)
    series = next(iter(data["dataSets"][0]["series"].values()))
    return float(next(iter(series["observations"].values()))[0])


@xl_on_reload
def _on_reload(import_info):
    clients.close_all()


@xl_on_close
def _on_close():
    clients.close_all()
