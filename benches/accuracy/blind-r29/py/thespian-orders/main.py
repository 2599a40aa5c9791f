"""Entry point (python main.py): starts the actor system and feeds it orders.

Orders arrive on stdin as NDJSON, e.g. {"type": "place", "order_id": ...}.
"""
import json
import sys

from thespian.actors import ActorExitRequest, ActorSystem

from actors import OrderActor, PlaceOrder, RefundOrder, ShipOrder

MESSAGE_TYPES = {"place": PlaceOrder, "ship": ShipOrder, "refund": RefundOrder}


def main() -> None:
    system = ActorSystem("multiprocQueueBase")
    orders = system.createActor(OrderActor, globalName="orders")
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            event = json.loads(line)
            kind = event.pop("type")
            reply = system.ask(orders, MESSAGE_TYPES[kind](**event), 10)
            print(json.dumps(reply), flush=True)
    finally:
        system.tell(orders, ActorExitRequest())
        system.shutdown()


if __name__ == "__main__":
    main()
