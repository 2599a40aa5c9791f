"""dlt source for the shop: orders from the REST API, customers from MongoDB."""
import os

import dlt
import httpx
from dlt.sources.helpers import requests as dlt_requests
from pymongo import MongoClient

SHOP_API = os.environ.get("SHOP_API", "https://shop.example.com/api/v2")
SHOP_TOKEN = os.environ.get("SHOP_TOKEN", "")
MONGO_URL = os.environ.get("CRM_MONGO_URL", "mongodb://crm-mongo:27017")


@dlt.resource(name="orders", write_disposition="merge", primary_key="id")
def orders(
    updated_at=dlt.sources.incremental("updated_at", initial_value="2024-01-01T00:00:00Z"),
):
    # dlt's requests helper wraps one shared, retrying session.
    page = 1
    while True:
        resp = dlt_requests.get(
            f"{SHOP_API}/orders",
            params={"updated_since": updated_at.last_value, "page": page, "per_page": 200},
            headers={"Authorization": f"Bearer {SHOP_TOKEN}"},
        )
        resp.raise_for_status()
        batch = resp.json()["orders"]
        if not batch:
            break
        yield from batch
        page += 1


@dlt.transformer(data_from=orders, name="order_lines", write_disposition="merge", primary_key="id")
def order_lines(order):
    # Runs once for every order yielded by the parent resource.
    api = httpx.Client(
        base_url=SHOP_API,
        headers={"Authorization": f"Bearer {SHOP_TOKEN}"},
        timeout=20.0,
    )
    resp = api.get(f"/orders/{order['id']}/lines")
    resp.raise_for_status()
    for line in resp.json()["lines"]:
        line["order_id"] = order["id"]
        yield line


@dlt.resource(name="customers", write_disposition="merge", primary_key="_id")
def customers(
    modified=dlt.sources.incremental("modified_at", initial_value=None),
):
    crm = MongoClient(MONGO_URL, serverSelectionTimeoutMS=5000)
    query = {}
    if modified.last_value is not None:
        query["modified_at"] = {"$gt": modified.last_value}
    for doc in crm["crm"]["customers"].find(query).sort("modified_at", 1):
        doc["_id"] = str(doc["_id"])
        yield doc


@dlt.source(name="shop")
def shop_source():
    return orders, order_lines, customers
