"""POST /checkout -> validates a cart, stores the order, notifies fulfilment."""

import json
import os
import urllib.request
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler

from pymongo.errors import PyMongoError

from lib.clients import orders

FULFILMENT_WEBHOOK = os.environ.get("FULFILMENT_WEBHOOK", "https://hooks.example.com/fulfilment")


def notify_fulfilment(order):
    req = urllib.request.Request(
        FULFILMENT_WEBHOOK,
        data=json.dumps({"order_id": order["_id"], "lines": order["lines"]}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=3) as resp:
        return resp.status


class handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        try:
            cart = json.loads(self.rfile.read(length) or b"{}")
            lines = [
                {"sku": str(line["sku"]), "qty": int(line["qty"]), "unit_cents": int(line["unit_cents"])}
                for line in cart["lines"]
            ]
        except (ValueError, KeyError, TypeError):
            self._json(400, {"error": "invalid cart"})
            return
        if not lines or any(line["qty"] <= 0 for line in lines):
            self._json(400, {"error": "empty cart"})
            return

        order = {
            "_id": uuid.uuid4().hex,
            "email": cart.get("email"),
            "currency": cart.get("currency", "EUR"),
            "lines": lines,
            "total_cents": sum(line["qty"] * line["unit_cents"] for line in lines),
            "created_at": datetime.now(timezone.utc),
            "status": "placed",
        }
        try:
            orders().insert_one(order)
        except PyMongoError:
            self._json(503, {"error": "could not store order"})
            return

        try:
            notify_fulfilment(order)
        except OSError:
            orders().update_one({"_id": order["_id"]}, {"$set": {"status": "notify_pending"}})

        self._json(201, {"order_id": order["_id"], "total_cents": order["total_cents"]})

    def _json(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
