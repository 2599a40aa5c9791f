"""Robot Framework keyword library for order-service acceptance tests.

GLOBAL scope: Robot creates ONE instance for the whole run, so the engine,
HTTP session and Redis client below are built once and closed in close().
Each test gets its own connection from the engine's pool, rolled back in
the test teardown (and by the end_test listener as a safety net).
"""
import os

import redis
import requests
from robot.api import logger
from robot.api.deco import keyword, library
from sqlalchemy import create_engine, text


@library(scope="GLOBAL", listener="SELF")
class OrderLibrary:
    ROBOT_LISTENER_API_VERSION = 3

    def __init__(self, base_url=None, database_url=None, redis_url=None):
        self.base_url = base_url or os.environ.get("ORDER_API", "http://localhost:8080")
        self.engine = create_engine(
            database_url or os.environ.get("ORDER_DB", "postgresql+psycopg2://qa@localhost/orders"),
            pool_size=2,
            max_overflow=0,
        )
        self.http = requests.Session()
        self.http.headers.update({"X-Test-Run": os.environ.get("CI_PIPELINE_ID", "local")})
        self.cache = redis.Redis.from_url(redis_url or os.environ.get("ORDER_REDIS", "redis://localhost:6379/9"))
        self._conn = None
        self._tx = None

    # --- per-test fixture keywords (Test Setup / Test Teardown) ---

    @keyword("Begin Test Transaction")
    def begin_test_transaction(self):
        self._conn = self.engine.connect()
        self._tx = self._conn.begin()

    @keyword("Rollback Test Transaction")
    def rollback_test_transaction(self):
        if self._tx is not None and self._tx.is_active:
            self._tx.rollback()
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._tx = None

    # --- domain keywords ---

    @keyword("Seed Product")
    def seed_product(self, sku, price, stock=10):
        self._conn.execute(
            text("INSERT INTO products (sku, price, stock) VALUES (:sku, :price, :stock)"),
            {"sku": sku, "price": price, "stock": int(stock)},
        )

    @keyword("Place Order Via API")
    def place_order_via_api(self, sku, qty=1):
        resp = self.http.post(
            f"{self.base_url}/orders", json={"sku": sku, "qty": int(qty)}, timeout=10
        )
        logger.info(f"POST /orders -> {resp.status_code} {resp.text}")
        resp.raise_for_status()
        return resp.json()["id"]

    @keyword("Order Status Should Be")
    def order_status_should_be(self, order_id, expected):
        status = self.http.get(f"{self.base_url}/orders/{order_id}", timeout=10).json()["status"]
        if status != expected:
            raise AssertionError(f"order {order_id}: expected {expected}, got {status}")

    @keyword("Stock Cache Should Be Invalidated")
    def stock_cache_should_be_invalidated(self, sku):
        if self.cache.exists(f"stock:{sku}"):
            raise AssertionError(f"stock:{sku} still cached")

    # --- listener hooks ---

    def end_test(self, data, result):
        if self._conn is not None:
            logger.warn(f"{data.name}: connection left open by the test, rolling back")
            self.rollback_test_transaction()

    def close(self):
        self.http.close()
        self.cache.close()
        self.engine.dispose()
