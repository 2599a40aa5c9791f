from uuid import UUID

from eventsourcing.domain import Aggregate, event


class Order(Aggregate):
    @event("Placed")
    def __init__(self, customer_id: str, sku: str, quantity: int, ship_to: dict):
        self.customer_id = customer_id
        self.sku = sku
        self.quantity = quantity
        self.ship_to = ship_to
        self.status = "placed"

    @event("Cancelled")
    def cancel(self, reason: str):
        self.status = "cancelled"
        self.cancel_reason = reason


class Shipment(Aggregate):
    @event("Booked")
    def __init__(self, order_id: UUID, carrier_ref: str, label_url: str):
        self.order_id = order_id
        self.carrier_ref = carrier_ref
        self.label_url = label_url
