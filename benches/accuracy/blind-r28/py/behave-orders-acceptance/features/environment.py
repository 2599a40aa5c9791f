"""behave hooks: clients shared by the whole run, one DB connection per scenario.

Seeds are committed (the API under test must see them) and tagged with the
scenario's run tag; after_scenario deletes everything carrying that tag.
"""
import os
import uuid

import redis
import requests
from sqlalchemy import create_engine, text


def before_all(context):
    userdata = context.config.userdata
    context.base_url = os.environ.get("ORDERS_BASE_URL", userdata.get("base_url"))
    context.engine = create_engine(
        os.environ.get("ORDERS_TEST_DB", "postgresql+psycopg2://orders:orders@localhost/orders_test"),
        pool_size=2,
        max_overflow=0,
    )
    context.http = requests.Session()
    context.http.headers.update({"Accept": "application/json", "X-Test-Run": "behave"})
    context.cache = redis.Redis.from_url(
        os.environ.get("ORDERS_TEST_REDIS", "redis://localhost:6379/15"), decode_responses=True
    )


def before_scenario(context, scenario):
    context.run_tag = f"bdd-{uuid.uuid4().hex[:10]}"
    context.conn = context.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    context.response = None


def after_scenario(context, scenario):
    try:
        context.conn.execute(
            text("DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE test_tag = :t)"),
            {"t": context.run_tag},
        )
        context.conn.execute(text("DELETE FROM customers WHERE test_tag = :t"), {"t": context.run_tag})
        context.conn.execute(text("DELETE FROM stock WHERE test_tag = :t"), {"t": context.run_tag})
    finally:
        context.conn.close()
    customer_id = getattr(context, "customer_id", None)
    if customer_id is not None:
        context.cache.delete(f"cart:{customer_id}")


def after_all(context):
    context.cache.close()
    context.http.close()
    context.engine.dispose()
