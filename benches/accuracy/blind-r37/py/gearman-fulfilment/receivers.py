"""Signal receivers; connected when worker.py imports this module."""
import os

import httpx

from db import pool
from signals import order_cancelled, order_shipped, state_changed

CARRIER_API = os.environ.get("CARRIER_API", "https://api.carrier-hub.example/v2")
CARRIER_TOKEN = os.environ.get("CARRIER_TOKEN", "")


@state_changed.connect
def persist_state(order, new_state, **kw):
    conn = pool.getconn()
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE orders SET state = %s, updated_at = now() WHERE id = %s",
            (new_state, order.order_id),
        )
        cur.execute(
            "INSERT INTO order_history (order_id, state) VALUES (%s, %s)",
            (order.order_id, new_state),
        )
    conn.commit()
    pool.putconn(conn)


@order_shipped.connect
def book_carrier_pickup(order, carrier, tracking, **kw):
    carrier_api = httpx.Client(
        base_url=CARRIER_API,
        headers={"Authorization": f"Bearer {CARRIER_TOKEN}"},
        timeout=10.0,
    )
    resp = carrier_api.post(
        "/pickups", json={"order": order.order_id, "carrier": carrier, "tracking": tracking}
    )
    resp.raise_for_status()


@order_cancelled.connect
def release_stock(order, **kw):
    with pool.connection() as conn:
        conn.execute(
            "UPDATE stock SET reserved = reserved - l.qty FROM order_lines l "
            "WHERE l.order_id = %s AND stock.sku = l.sku",
            (order.order_id,),
        )
