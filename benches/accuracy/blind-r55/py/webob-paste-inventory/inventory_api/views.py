"""Request handling: InventoryApp.__call__ runs once per HTTP request."""
import logging
import re

import requests
from sqlalchemy import text
from webob import Request, Response, exc
from webob.dec import wsgify

log = logging.getLogger(__name__)

SKU = r"(?P<sku>[A-Z0-9][A-Z0-9-]{2,31})"


class InventoryApp:
    def __init__(self, session_factory, pricing, pricing_url, pricing_timeout):
        self.Session = session_factory
        self.pricing = pricing
        self.pricing_url = pricing_url
        self.pricing_timeout = pricing_timeout
        self.routes = [
            (re.compile(r"^/health$"), "GET", self.health),
            (re.compile(rf"^/items/{SKU}$"), "GET", self.get_item),
            (re.compile(rf"^/items/{SKU}/adjust$"), "POST", self.adjust_stock),
        ]

    @wsgify
    def __call__(self, req: Request):
        for pattern, method, handler in self.routes:
            match = pattern.match(req.path_info)
            if match is None:
                continue
            if req.method != method:
                raise exc.HTTPMethodNotAllowed()
            return handler(req, **match.groupdict())
        raise exc.HTTPNotFound()

    def health(self, req):
        with self.Session() as session:
            session.execute(text("SELECT 1"))
        return Response(json_body={"status": "ok"}, content_type="application/json")

    def _price(self, sku):
        try:
            resp = self.pricing.get(f"{self.pricing_url}/prices/{sku}", timeout=self.pricing_timeout)
            resp.raise_for_status()
            return resp.json().get("unit_price")
        except requests.RequestException as err:
            log.warning("pricing lookup failed for %s: %s", sku, err)
            return None

    def get_item(self, req, sku):
        with self.Session() as session:
            row = session.execute(
                text("SELECT sku, name, on_hand, location FROM items WHERE sku = :sku"),
                {"sku": sku},
            ).mappings().first()
        if row is None:
            raise exc.HTTPNotFound(json_body={"error": f"unknown sku {sku}"})
        item = dict(row)
        item["unit_price"] = self._price(sku)
        return Response(json_body=item, content_type="application/json")

    def adjust_stock(self, req, sku):
        try:
            delta = int(req.json_body["delta"])
            reason = str(req.json_body.get("reason", "manual"))[:64]
        except (ValueError, KeyError, TypeError):
            raise exc.HTTPBadRequest(json_body={"error": "body must be {\"delta\": int}"})

        with self.Session.begin() as session:
            on_hand = session.execute(
                text(
                    "UPDATE items SET on_hand = on_hand + :delta WHERE sku = :sku "
                    "AND on_hand + :delta >= 0 RETURNING on_hand"
                ),
                {"sku": sku, "delta": delta},
            ).scalar_one_or_none()
            if on_hand is None:
                raise exc.HTTPConflict(json_body={"error": "unknown sku or stock would go negative"})
            session.execute(
                text(
                    "INSERT INTO stock_movements (sku, delta, reason, client_id) "
                    "VALUES (:sku, :delta, :reason, :client)"
                ),
                {"sku": sku, "delta": delta, "reason": reason,
                 "client": req.environ.get("inventory.client_id")},
            )
        return Response(json_body={"sku": sku, "on_hand": on_hand}, content_type="application/json")
