"""Inventory pages and the small JSON API used by the handheld scanners."""
import json
import os

import redis
from lona import View
from lona.html import H1, HTML, P, Table, Td, Th, Tr
from lona.responses import JsonResponse

import db
from app import app

REDIS_URL = os.environ.get("REDIS_URL", "redis://cache.internal:6379/2")


@app.route("/")
class LowStockView(View):
    def handle_request(self, request):
        rows = db.low_stock()
        table = Table(Tr(Th("SKU"), Th("Name"), Th("Qty"), Th("Reorder at")))
        for row in rows:
            table.append(
                Tr(
                    Td(row["sku"]),
                    Td(row["name"]),
                    Td(str(row["quantity"])),
                    Td(str(row["reorder_level"])),
                )
            )
        return HTML(H1("Low stock"), P(f"{len(rows)} items below reorder level"), table)


@app.route("/api/items/<sku>", interactive=False)
class ItemApiView(View):
    def handle_request(self, request):
        sku = request.match_info["sku"]
        cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)
        cached = cache.get(f"item:{sku}")
        if cached:
            return JsonResponse(json.loads(cached))

        item = db.fetch_item(sku)
        if item is None:
            return JsonResponse({"error": "unknown sku"}, status=404)
        cache.setex(f"item:{sku}", 30, json.dumps(item, default=str))
        return JsonResponse(item)


@app.route("/api/picks", interactive=False)
class PickApiView(View):
    """Scanner posts the form fields sku and qty after picking from a bin."""

    def handle_request(self, request):
        if request.method != "POST":
            return JsonResponse({"error": "POST only"}, status=405)
        sku = request.POST.get("sku")
        qty = int(request.POST.get("qty", "0"))

        conn = db.pool.getconn()
        cur = conn.cursor()
        cur.execute("SELECT quantity FROM items WHERE sku = %s FOR UPDATE", (sku,))
        row = cur.fetchone()
        if row is None or row[0] < qty:
            conn.rollback()
            return JsonResponse({"error": "insufficient stock"}, status=409)

        cur.execute(
            "UPDATE items SET quantity = quantity - %s WHERE sku = %s", (qty, sku)
        )
        cur.execute(
            "INSERT INTO picks (sku, qty, picked_at) VALUES (%s, %s, now())",
            (sku, qty),
        )
        conn.commit()
        cur.close()
        db.pool.putconn(conn)
        return JsonResponse({"sku": sku, "remaining": row[0] - qty})
