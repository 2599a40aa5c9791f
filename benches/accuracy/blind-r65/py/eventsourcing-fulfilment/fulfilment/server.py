"""HTTP front door for the order system (waitress, plain WSGI)."""
import json
import os
from uuid import UUID

from eventsourcing.system import MultiThreadedRunner, System
from waitress import serve

from .apps import Fulfilment, Orders

os.environ.setdefault("PERSISTENCE_MODULE", "eventsourcing.postgres")


def _json(start_response, status, payload):
    body = json.dumps(payload).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def make_wsgi(orders: Orders):
    def app(environ, start_response):
        method = environ["REQUEST_METHOD"]
        parts = [p for p in environ.get("PATH_INFO", "").split("/") if p]
        try:
            if method == "POST" and parts == ["orders"]:
                size = int(environ.get("CONTENT_LENGTH") or 0)
                data = json.loads(environ["wsgi.input"].read(size))
                order_id = orders.place_order(
                    data["customer_id"], data["sku"], data["quantity"], data["ship_to"]
                )
                return _json(start_response, "201 Created", {"id": str(order_id)})
            if method == "GET" and len(parts) == 2 and parts[0] == "orders":
                return _json(start_response, "200 OK", {"status": orders.get_status(UUID(parts[1]))})
            if method == "POST" and len(parts) == 3 and parts[2] == "cancel":
                orders.cancel_order(UUID(parts[1]), "customer request")
                return _json(start_response, "202 Accepted", {"ok": True})
        except (KeyError, ValueError) as exc:
            return _json(start_response, "400 Bad Request", {"error": str(exc)})
        return _json(start_response, "404 Not Found", {"error": "not found"})

    return app


def main():
    system = System(pipes=[[Orders, Fulfilment]])
    runner = MultiThreadedRunner(system)
    runner.start()
    try:
        serve(make_wsgi(runner.get(Orders)), host="0.0.0.0", port=int(os.environ.get("PORT", "8080")), threads=8)
    finally:
        runner.stop()


if __name__ == "__main__":
    main()
