"""Price lookups against the ERP REST API."""
import os

import requests

import FreeCAD

ERP_URL = os.environ.get("BOMSYNC_ERP_URL", "https://erp.example.com/api/v2")
ERP_TOKEN = os.environ.get("BOMSYNC_ERP_TOKEN", "")


def fetch_prices(part_numbers):
    http = requests.Session()
    http.headers.update({"Authorization": f"Bearer {ERP_TOKEN}", "Accept": "application/json"})
    prices = {}
    for pn in part_numbers:
        resp = http.get(f"{ERP_URL}/items/{pn}/price", timeout=5)
        if resp.status_code == 404:
            FreeCAD.Console.PrintWarning(f"BomSync: {pn} unknown to ERP\n")
            continue
        resp.raise_for_status()
        prices[pn] = resp.json()["unit_price"]
    return prices


def annotate_cost(doc, lines):
    prices = fetch_prices([pn for pn, _ in lines])
    total = sum(prices.get(pn, 0) * qty for pn, qty in lines)
    if "BomCost" not in doc.PropertiesList:
        doc.addProperty("App::PropertyFloat", "BomCost", "BOM", "Estimated material cost")
    doc.BomCost = float(total)
    return total
