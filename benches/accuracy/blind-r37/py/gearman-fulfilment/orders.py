from transitions import Machine

from signals import order_cancelled, order_shipped, state_changed

STATES = ["paid", "picking", "packed", "shipped", "delivered", "cancelled"]

TRANSITIONS = [
    {"trigger": "pick", "source": "paid", "dest": "picking"},
    {"trigger": "pack", "source": "picking", "dest": "packed"},
    {"trigger": "ship", "source": "packed", "dest": "shipped"},
    {"trigger": "deliver", "source": "shipped", "dest": "delivered"},
    {"trigger": "cancel", "source": ["paid", "picking", "packed"], "dest": "cancelled"},
]

TRIGGERS = {t["trigger"] for t in TRANSITIONS}


class Order:
    def __init__(self, order_id, carrier=None, tracking=None):
        self.order_id = order_id
        self.carrier = carrier
        self.tracking = tracking

    # transitions calls these automatically
    def on_enter_shipped(self):
        order_shipped.send(self, carrier=self.carrier, tracking=self.tracking)

    def on_enter_cancelled(self):
        order_cancelled.send(self)

    def announce(self):
        state_changed.send(self, new_state=self.state)


def load(order_id, current_state, carrier=None, tracking=None):
    order = Order(order_id, carrier, tracking)
    Machine(
        model=order,
        states=STATES,
        transitions=TRANSITIONS,
        initial=current_state,
        after_state_change="announce",
        auto_transitions=False,
    )
    return order
