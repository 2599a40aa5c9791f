"""Anvil Uplink server: back-office functions called from the Anvil web app."""
import logging
import os

import anvil.server
from pymongo import MongoClient
from sqlalchemy import create_engine, text

from cache import cached_json, get_cache, invalidate_customer

log = logging.getLogger("backoffice-uplink")

engine = create_engine(
    os.environ.get("ERP_URL", "mysql+pymysql://backoffice:secret@erp-db.internal/erp"),
    pool_size=5,
    max_overflow=5,
    pool_recycle=3600,
)
MONGO_URI = os.environ.get("CATALOG_MONGO_URI", "mongodb://catalog.internal:27017/catalog")


def _fetch_invoices(customer_id, limit):
    conn = engine.connect()
    rows = conn.execute(
        text(
            "SELECT number, issued_on, total, paid FROM invoices "
            "WHERE customer_id = :cid ORDER BY issued_on DESC LIMIT :lim"
        ),
        {"cid": customer_id, "lim": limit},
    ).mappings().all()
    return [dict(row) for row in rows]


@anvil.server.callable
def get_customer_summary(customer_id):
    cache = get_cache()

    def load():
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT id, name, email, credit_limit FROM customers WHERE id = :cid"),
                {"cid": customer_id},
            ).mappings().first()
        return dict(row) if row else None

    summary = cached_json(cache, f"customer:{customer_id}:summary", load)
    if summary is None:
        raise ValueError(f"unknown customer {customer_id}")
    summary["invoices"] = _fetch_invoices(customer_id, 10)
    return summary


@anvil.server.callable
def update_credit_limit(customer_id, new_limit):
    if new_limit < 0:
        raise ValueError("credit limit must be positive")
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE customers SET credit_limit = :lim WHERE id = :cid"),
            {"lim": new_limit, "cid": customer_id},
        )
    invalidate_customer(get_cache(), customer_id)
    return True


@anvil.server.callable
def search_products(query, limit=20):
    catalog = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000)
    products = catalog.get_default_database()["products"]
    cursor = products.find(
        {"$text": {"$search": query}, "active": True},
        {"_id": 0, "sku": 1, "name": 1, "price": 1, "score": {"$meta": "textScore"}},
    ).sort([("score", {"$meta": "textScore"})]).limit(limit)
    return list(cursor)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    anvil.server.connect(os.environ["ANVIL_UPLINK_KEY"])
    log.info("uplink connected, waiting for calls")
    anvil.server.wait_forever()
