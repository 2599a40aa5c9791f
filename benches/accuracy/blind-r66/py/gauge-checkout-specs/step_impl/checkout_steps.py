from decimal import Decimal

from getgauge.python import data_store, step
from sqlalchemy import text


@step("Customer <email> has <count> items of SKU <sku> in the cart")
def seed_cart(email, count, sku):
    conn = data_store.scenario.conn
    conn.execute(
        text(
            "INSERT INTO carts (email, sku, quantity, test_run) VALUES (:e, :s, :q, :r)"
            " ON CONFLICT (email, sku) DO UPDATE SET quantity = EXCLUDED.quantity"
        ),
        {"e": email, "s": sku, "q": int(count), "r": data_store.scenario.run_id},
    )
    conn.commit()


@step("Customer <email> applies discount <code>")
def apply_discount(email, code):
    resp = data_store.suite.api.post(
        data_store.suite.base_url + "/carts/%s/discount" % email, json={"code": code}, timeout=10
    )
    assert resp.status_code == 200, resp.text


@step("Checkout is submitted for <email>")
def submit_checkout(email):
    data_store.scenario.response = data_store.suite.api.post(
        data_store.suite.base_url + "/checkout",
        json={"email": email, "test_run": data_store.scenario.run_id},
        timeout=10,
    )


@step("The response status is <status>")
def check_status(status):
    resp = data_store.scenario.response
    assert resp.status_code == int(status), "%s: %s" % (resp.status_code, resp.text)


@step("The order total for <email> is <amount>")
def check_total(email, amount):
    total = data_store.scenario.conn.execute(
        text("SELECT total FROM orders WHERE email = :e AND test_run = :r"),
        {"e": email, "r": data_store.scenario.run_id},
    ).scalar_one()
    assert total == Decimal(amount), "expected %s, got %s" % (amount, total)
