"""Calc macros behind the toolbar buttons of Orders.ods.

Deployed to ~/.config/libreoffice/4/user/Scripts/python/. LibreOffice's Python
script provider imports this module once into the long-running soffice
process and calls the exported function on every button click.
"""
import os

import requests

from ledger_db import open_conn

PRICE_API = os.environ.get("PRICE_API_URL", "https://prices.internal/api/v2")
PRICE_TOKEN = os.environ.get("PRICE_API_TOKEN", "")

SKU_COL, QTY_COL, PRICE_COL, TOTAL_COL = 0, 1, 2, 3


def _sheet(name):
    doc = XSCRIPTCONTEXT.getDocument()  # noqa: F821 - injected by LibreOffice
    return doc.Sheets.getByName(name)


def _sku_rows(sheet):
    row = 1
    while True:
        sku = sheet.getCellByPosition(SKU_COL, row).getString().strip()
        if not sku:
            return
        yield row, sku
        row += 1


def refresh_prices(*args):
    """Button 'Refresh prices': pull current unit prices into column C."""
    sheet = _sheet("Orders")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {PRICE_TOKEN}"
    for row, sku in _sku_rows(sheet):
        resp = session.get(f"{PRICE_API}/skus/{sku}", timeout=10)
        if resp.status_code == 404:
            sheet.getCellByPosition(PRICE_COL, row).setString("unknown SKU")
            continue
        resp.raise_for_status()
        sheet.getCellByPosition(PRICE_COL, row).setValue(resp.json()["unit_price"])


def recalc_totals(*args):
    """Button 'Totals': pure spreadsheet work, no I/O."""
    sheet = _sheet("Orders")
    grand = 0.0
    for row, _sku in _sku_rows(sheet):
        qty = sheet.getCellByPosition(QTY_COL, row).getValue()
        price = sheet.getCellByPosition(PRICE_COL, row).getValue()
        sheet.getCellByPosition(TOTAL_COL, row).setValue(qty * price)
        grand += qty * price
    sheet.getCellRangeByName("F1").setValue(grand)


def push_orders(*args):
    """Button 'Push to ledger': insert the sheet's lines into the ledger DB."""
    sheet = _sheet("Orders")
    customer = sheet.getCellRangeByName("F2").getString()
    conn = open_conn()
    try:
        with conn.cursor() as cur:
            for row, sku in _sku_rows(sheet):
                cur.execute(
                    "INSERT INTO order_lines (customer, sku, qty, unit_price) "
                    "VALUES (%s, %s, %s, %s)",
                    (
                        customer,
                        sku,
                        sheet.getCellByPosition(QTY_COL, row).getValue(),
                        sheet.getCellByPosition(PRICE_COL, row).getValue(),
                    ),
                )
        conn.commit()
    finally:
        conn.close()
    sheet.getCellRangeByName("F3").setString("pushed")


g_exportedScripts = (refresh_prices, recalc_totals, push_orders)
