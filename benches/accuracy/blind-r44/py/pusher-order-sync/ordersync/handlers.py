"""Pusher event callbacks: pysher calls these once per received event."""
import datetime as dt
import json
import logging

from ordersync.clients import SHOP_API, SessionLocal, get_http, get_redis
from ordersync.models import PickOrder

log = logging.getLogger("ordersync.handlers")

DEDUP_TTL = 3600


def _seen_before(event_id):
    # SET NX returns None when the key already exists
    return get_redis().set(f"pusher:seen:{event_id}", 1, nx=True, ex=DEDUP_TTL) is None


def on_order_updated(data):
    payload = json.loads(data)
    if _seen_before(payload["event_id"]):
        return
    order_id = payload["order_id"]

    resp = get_http().get(f"{SHOP_API}/orders/{order_id}", timeout=10)
    resp.raise_for_status()
    order = resp.json()

    with SessionLocal.begin() as session:
        row = session.get(PickOrder, order_id)
        if row is None:
            row = PickOrder(order_id=order_id)
            session.add(row)
        row.status = order["status"]
        row.lines = len(order["line_items"])
        row.updated_at = dt.datetime.now(dt.timezone.utc)
    log.info("order %s -> %s", order_id, order["status"])


def on_order_cancelled(data):
    payload = json.loads(data)
    if _seen_before(payload["event_id"]):
        return
    with SessionLocal() as session:
        row = session.get(PickOrder, payload["order_id"])
        if row is not None and row.status != "shipped":
            row.status = "cancelled"
            session.commit()
    get_redis().publish("picking:cancelled", payload["order_id"])
