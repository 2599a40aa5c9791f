"""Order lifecycle. An OrderFlow is built for every outbox event; it only holds references."""
from transitions import Machine

STATES = ["placed", "paid", "packed", "shipped", "delivered", "cancelled"]
TRANSITIONS = [
    {"trigger": "pay", "source": "placed", "dest": "paid"},
    {"trigger": "pack", "source": "paid", "dest": "packed"},
    {"trigger": "ship", "source": "packed", "dest": "shipped"},
    {"trigger": "deliver", "source": "shipped", "dest": "delivered"},
    {"trigger": "cancel", "source": ["placed", "paid", "packed"], "dest": "cancelled"},
]


class OrderFlow:
    def __init__(self, order: dict, services):
        self.order = order
        self.services = services
        self.machine = Machine(
            model=self,
            states=STATES,
            transitions=TRANSITIONS,
            initial=order["status"],
            after_state_change="persist",
            auto_transitions=False,
        )

    def persist(self):
        with self.services.pool.connection() as conn:
            conn.execute(
                "UPDATE orders SET status = %s, updated_at = now() WHERE id = %s",
                (self.state, self.order["id"]),
            )

    def on_enter_shipped(self):
        carrier = self.services.carrier(self.order["carrier"])
        resp = carrier.post("/orders", json={"reference": str(self.order["id"]), "parcels": 1})
        resp.raise_for_status()
        with self.services.pool.connection() as conn:
            conn.execute(
                "UPDATE orders SET tracking_no = %s WHERE id = %s",
                (resp.json()["tracking_no"], self.order["id"]),
            )

    def on_enter_cancelled(self):
        self.services.notify.post(
            "/messages", json={"template": "order_cancelled", "order_id": self.order["id"]}
        )
