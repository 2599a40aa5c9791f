"""Event-sourced applications: Orders (upstream) and Fulfilment (process application)."""
import os

import httpx
from eventsourcing.application import Application
from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.system import ProcessApplication
from psycopg2.pool import ThreadedConnectionPool

from .domain import Order, Shipment

CARRIER_URL = os.environ.get("CARRIER_URL", "https://api.parcelhub.example/v2")
CARRIER_TOKEN = os.environ.get("CARRIER_TOKEN", "")


class Orders(Application):
    def place_order(self, customer_id, sku, quantity, ship_to):
        order = Order(customer_id, sku, int(quantity), ship_to)
        self.save(order)
        return order.id

    def cancel_order(self, order_id, reason):
        order = self.repository.get(order_id)
        order.cancel(reason)
        self.save(order)

    def get_status(self, order_id):
        return self.repository.get(order_id).status


class Fulfilment(ProcessApplication):
    """Follows Orders; books a parcel for every placed order that has stock."""

    def __init__(self, env=None):
        super().__init__(env)
        # the runner constructs each application once
        self.stock_pool = ThreadedConnectionPool(1, 4, dsn=os.environ["WAREHOUSE_DSN"])

    @singledispatchmethod
    def policy(self, domain_event, processing_event):
        """Events we do not react to."""

    @policy.register(Order.Placed)
    def _(self, domain_event, processing_event):
        if not self._reserve_stock(domain_event.sku, domain_event.quantity):
            return
        carrier = httpx.Client(
            base_url=CARRIER_URL,
            headers={"Authorization": f"Bearer {CARRIER_TOKEN}"},
            timeout=10.0,
        )
        resp = carrier.post(
            "/shipments",
            json={
                "reference": str(domain_event.originator_id),
                "recipient": domain_event.ship_to,
                "items": [{"sku": domain_event.sku, "qty": domain_event.quantity}],
            },
        )
        resp.raise_for_status()
        body = resp.json()
        shipment = Shipment(domain_event.originator_id, body["id"], body["label_url"])
        processing_event.collect_events(shipment)

    def _reserve_stock(self, sku: str, qty: int) -> bool:
        conn = self.stock_pool.getconn()
        cur = conn.cursor()
        cur.execute("SELECT on_hand FROM stock WHERE sku = %s FOR UPDATE", (sku,))
        row = cur.fetchone()
        if row is None or row[0] < qty:
            conn.rollback()
            return False
        cur.execute("UPDATE stock SET on_hand = on_hand - %s WHERE sku = %s", (qty, sku))
        conn.commit()
        self.stock_pool.putconn(conn)
        return True
