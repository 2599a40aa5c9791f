"""Step implementations for orders.feature; they only use the clients set up in environment.py."""
import json

from behave import given, then, when
from sqlalchemy import text


@given('a customer "{email}" with a verified account')
def step_customer(context, email):
    context.customer_id = context.conn.execute(
        text(
            "INSERT INTO customers (email, verified_at, test_tag) "
            "VALUES (:e, now(), :t) RETURNING id"
        ),
        {"e": email.replace("@", f"+{context.run_tag}@"), "t": context.run_tag},
    ).scalar_one()


@given('the product "{sku}" has {qty:d} units in stock')
def step_stock(context, sku, qty):
    context.conn.execute(
        text(
            "INSERT INTO stock (sku, on_hand, reserved, test_tag) VALUES (:sku, :q, 0, :t) "
            "ON CONFLICT (sku) DO UPDATE SET on_hand = :q, reserved = 0, test_tag = :t"
        ),
        {"sku": sku, "q": qty, "t": context.run_tag},
    )


@given("the customer has a cached cart")
def step_cached_cart(context):
    context.cache.set(f"cart:{context.customer_id}", json.dumps({"SKU-1001": 1}), ex=600)


@when('the customer orders {qty:d} units of "{sku}"')
def step_order(context, qty, sku):
    context.response = context.http.post(
        f"{context.base_url}/v1/orders",
        json={"customer_id": context.customer_id, "lines": [{"sku": sku, "qty": qty}]},
        timeout=10,
    )


@then("the API answers {status:d}")
def step_status(context, status):
    assert context.response.status_code == status, context.response.text


@then('the order is stored with status "{status}"')
def step_order_row(context, status):
    order_id = context.response.json()["id"]
    stored = context.conn.execute(
        text("SELECT status FROM orders WHERE id = :id"), {"id": order_id}
    ).scalar_one()
    assert stored == status, stored


@then('"{sku}" has {qty:d} units available')
def step_available(context, sku, qty):
    available = context.conn.execute(
        text("SELECT on_hand - reserved FROM stock WHERE sku = :sku"), {"sku": sku}
    ).scalar_one()
    assert available == qty, available


@then("the cached cart is gone")
def step_cart_gone(context):
    assert context.cache.get(f"cart:{context.customer_id}") is None
