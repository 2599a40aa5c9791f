"""Plain WSGI inventory API (no framework), served by gunicorn."""
import json
import os
import threading

import urllib3
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

_lock = threading.Lock()
_pool = None
_http = None

PRICING_URL = os.environ.get("PRICING_URL", "http://pricing.internal:8080")


def init_clients():
    global _pool, _http
    with _lock:
        if _pool is None:
            _pool = ConnectionPool(
                conninfo=os.environ.get("DATABASE_URL", "postgresql://inv:inv@pg.internal/inventory"),
                min_size=2,
                max_size=8,
                kwargs={"row_factory": dict_row, "application_name": "inventory-api"},
                open=True,
            )
        if _http is None:
            _http = urllib3.PoolManager(num_pools=4, maxsize=8, timeout=urllib3.Timeout(total=3.0))
    return _pool, _http


def close_clients():
    global _pool, _http
    with _lock:
        if _pool is not None:
            _pool.close()
            _pool = None
        if _http is not None:
            _http.clear()
            _http = None


def _json(start_response, status, payload):
    body = json.dumps(payload, default=str).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def get_item(sku):
    pool, http = init_clients()
    with pool.connection() as conn:
        item = conn.execute(
            "SELECT sku, name, on_hand, reserved, warehouse FROM items WHERE sku = %s", (sku,)
        ).fetchone()
    if item is None:
        return None
    resp = http.request("GET", f"{PRICING_URL}/prices/{sku}")
    item["price"] = json.loads(resp.data).get("price") if resp.status == 200 else None
    return item


def reserve(sku, qty):
    pool, _ = init_clients()
    with pool.connection() as conn, conn.transaction():
        row = conn.execute(
            "UPDATE items SET reserved = reserved + %s "
            "WHERE sku = %s AND on_hand - reserved >= %s RETURNING on_hand - reserved AS available",
            (qty, sku, qty),
        ).fetchone()
    return row


def application(environ, start_response):
    method = environ["REQUEST_METHOD"]
    parts = [p for p in environ.get("PATH_INFO", "").split("/") if p]

    if method == "GET" and parts == ["healthz"]:
        return _json(start_response, "200 OK", {"ok": True})

    if len(parts) == 2 and parts[0] == "items":
        sku = parts[1]
        if method == "GET":
            item = get_item(sku)
            if item is None:
                return _json(start_response, "404 Not Found", {"error": "unknown sku"})
            return _json(start_response, "200 OK", item)

    if len(parts) == 3 and parts[0] == "items" and parts[2] == "reservations" and method == "POST":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        payload = json.loads(environ["wsgi.input"].read(length) or b"{}")
        row = reserve(parts[1], int(payload.get("qty", 1)))
        if row is None:
            return _json(start_response, "409 Conflict", {"error": "insufficient stock"})
        return _json(start_response, "201 Created", {"sku": parts[1], "available": row["available"]})

    return _json(start_response, "404 Not Found", {"error": "not found"})
