import logging

import httpx
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)


class PriceHandler:
    """Handles one pricing request; shares the pool and HTTP client built in main()."""

    def __init__(self, pool: ConnectionPool, http: httpx.Client):
        self.pool = pool
        self.http = http

    def quote(self, req: dict) -> dict:
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT base_cents, currency FROM price_list WHERE sku = %s",
                (req["sku"],),
            ).fetchone()
        if row is None:
            return {"ok": False, "error": "unknown sku"}
        base_cents, currency = row
        if currency != req.get("currency", currency):
            fx = self.http.get("/convert", params={"from": currency, "to": req["currency"]}).json()
            base_cents = round(base_cents * fx["rate"])
            currency = req["currency"]
        return {"ok": True, "sku": req["sku"], "cents": base_cents * req.get("qty", 1), "currency": currency}

    def record_sale(self, req: dict) -> dict:
        with self.pool.connection() as conn:
            with conn.transaction():
                conn.execute(
                    "INSERT INTO sales (sku, qty, cents) VALUES (%s, %s, %s)",
                    (req["sku"], req["qty"], req["cents"]),
                )
        return {"ok": True}

    def dispatch(self, req: dict) -> dict:
        op = req.get("op")
        if op == "quote":
            return self.quote(req)
        if op == "sale":
            return self.record_sale(req)
        return {"ok": False, "error": f"unknown op {op!r}"}
