from decimal import Decimal

import pytest

from orders.repo import create_order, order_total

from .conftest import API_BASE


def test_total_sums_lines(db_session):
    oid = create_order(db_session, 7, [("A-1", 2, Decimal("3.50")), ("B-2", 1, Decimal("10.00"))])
    assert order_total(db_session, oid) == Decimal("17.00")


def test_empty_order_total_is_zero(db_session):
    oid = create_order(db_session, 8, [])
    assert order_total(db_session, oid) == 0


@pytest.mark.integration
@pytest.mark.parametrize("sku", ["A-1", "B-2", "C-3", "D-4", "E-5", "F-6"])
def test_product_endpoint(api, sku):
    resp = api.get(f"{API_BASE}/products/{sku}", timeout=5)
    assert resp.status_code == 200
    assert resp.json()["sku"] == sku


@pytest.mark.integration
def test_cart_is_cached(api, redis_client):
    resp = api.post(f"{API_BASE}/carts", json={"items": [{"sku": "A-1", "qty": 1}]}, timeout=5)
    assert resp.status_code == 201
    cart_id = resp.json()["id"]
    assert redis_client.exists(f"cart:{cart_id}") == 1
