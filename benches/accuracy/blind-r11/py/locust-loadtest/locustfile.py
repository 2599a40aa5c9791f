"""Checkout load test.

Seed data (product ids, coupon codes) is read once per load-generator process
when the test starts; the simulated users only talk HTTP through Locust's own
per-user client and read shared state.
"""
import os
import random
import uuid

import redis
from locust import FastHttpUser, between, events, tag, task
from locust.runners import MasterRunner
from psycopg_pool import ConnectionPool

SEED_DSN = os.environ.get("SEED_DSN", "postgresql://loadtest:loadtest@staging-db.internal:5432/shop")
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://staging-cache.internal:6379/5")

shared: dict = {"product_ids": [], "coupons": [], "pool": None, "redis": None}


@events.test_start.add_listener
def on_test_start(environment, **kwargs):
    if isinstance(environment.runner, MasterRunner):
        return
    pool = ConnectionPool(SEED_DSN, min_size=1, max_size=4, open=True, name="loadtest-seed")
    with pool.connection() as conn:
        shared["product_ids"] = [r[0] for r in conn.execute("SELECT id FROM products WHERE in_stock LIMIT 5000")]
        shared["coupons"] = [r[0] for r in conn.execute("SELECT code FROM coupons WHERE active")]
    shared["pool"] = pool
    shared["redis"] = redis.Redis.from_url(REDIS_URL, decode_responses=True)


@events.test_stop.add_listener
def on_test_stop(environment, **kwargs):
    if shared["pool"] is not None:
        shared["pool"].close()
        shared["pool"] = None
    if shared["redis"] is not None:
        shared["redis"].close()
        shared["redis"] = None


class Shopper(FastHttpUser):
    wait_time = between(1, 4)

    def on_start(self):
        self.email = f"lt-{uuid.uuid4().hex[:10]}@loadtest.example.com"
        self.client.post("/api/session", json={"email": self.email, "password": "loadtest"})

    @task(6)
    def browse(self):
        pid = random.choice(shared["product_ids"])
        self.client.get(f"/api/products/{pid}", name="/api/products/[id]")

    @task(2)
    def add_to_cart(self):
        pid = random.choice(shared["product_ids"])
        self.client.post("/api/cart/items", json={"product_id": pid, "qty": random.randint(1, 3)})

    @tag("checkout")
    @task(1)
    def checkout(self):
        body = {"coupon": random.choice(shared["coupons"]) if random.random() < 0.2 else None}
        with self.client.post("/api/checkout", json=body, catch_response=True) as resp:
            if resp.status_code != 201:
                resp.failure(f"checkout failed: {resp.status_code}")
                return
            order_id = resp.json()["order_id"]
        # verify the order landed, through the shared seed pool
        with shared["pool"].connection() as conn:
            row = conn.execute("SELECT status FROM orders WHERE id = %s", (order_id,)).fetchone()
        if row is None:
            events.request.fire(
                request_type="DB", name="order-visible", response_time=0, response_length=0,
                exception=RuntimeError(f"order {order_id} not visible"), context={},
            )
        shared["redis"].incr("loadtest:orders")
