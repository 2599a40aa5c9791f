"""Suite/scenario lifecycle for `gauge run specs` (one process per run).

The engine and the API session are built once per suite. Each scenario borrows
one connection from the engine's pool and gives it back in after_scenario,
after deleting the rows it seeded.
"""
import os
import uuid

import requests
from getgauge.python import after_scenario, after_suite, before_scenario, before_suite, data_store
from sqlalchemy import create_engine, text


@before_suite
def open_clients():
    data_store.suite.engine = create_engine(
        os.environ["CHECKOUT_DB_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True
    )
    api = requests.Session()
    api.headers["Authorization"] = "Bearer " + os.environ["CHECKOUT_TEST_TOKEN"]
    data_store.suite.api = api
    data_store.suite.base_url = os.environ.get("checkout_api", "http://localhost:8080")


@before_scenario
def borrow_connection():
    data_store.scenario.run_id = uuid.uuid4().hex
    data_store.scenario.conn = data_store.suite.engine.connect()


@after_scenario
def clean_up_and_return_connection():
    conn = data_store.scenario.conn
    try:
        conn.rollback()
        conn.execute(text("DELETE FROM carts WHERE test_run = :r"), {"r": data_store.scenario.run_id})
        conn.execute(text("DELETE FROM orders WHERE test_run = :r"), {"r": data_store.scenario.run_id})
        conn.commit()
    finally:
        conn.close()


@after_suite
def close_clients():
    data_store.suite.api.close()
    data_store.suite.engine.dispose()
