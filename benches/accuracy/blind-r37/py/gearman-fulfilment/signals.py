from blinker import Namespace

fulfilment = Namespace()

state_changed = fulfilment.signal("state-changed")
order_shipped = fulfilment.signal("order-shipped")
order_cancelled = fulfilment.signal("order-cancelled")
