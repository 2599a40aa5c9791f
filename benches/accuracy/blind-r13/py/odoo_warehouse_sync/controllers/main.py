import json

import psycopg2
from odoo import http
from odoo.http import request


class WarehouseApi(http.Controller):

    def _legacy_dsn(self):
        return request.env["ir.config_parameter"].sudo().get_param("warehouse_sync.legacy_dsn")

    @http.route("/warehouse/legacy/stock/<string:sku>", type="http", auth="user", methods=["GET"])
    def legacy_stock(self, sku, **kwargs):
        conn = psycopg2.connect(self._legacy_dsn())
        with conn.cursor() as cur:
            cur.execute("SELECT on_hand, bin FROM wms_stock WHERE sku = %s", (sku,))
            row = cur.fetchone()
        payload = {"sku": sku, "on_hand": row[0] if row else 0, "bin": row[1] if row else None}
        return request.make_response(
            json.dumps(payload), headers=[("Content-Type", "application/json")]
        )

    @http.route("/warehouse/products/search", type="json", auth="user")
    def product_search(self, term="", limit=20):
        # Odoo ORM through the request environment: shared registry cursor.
        products = request.env["product.product"].search_read(
            [("legacy_sku", "ilike", term)], ["id", "display_name", "legacy_sku"], limit=limit
        )
        return {"results": products}

    @http.route("/warehouse/webhook/scan", type="json", auth="public", csrf=False)
    def scan_webhook(self, **payload):
        # Separate cursor so the scan log survives even if the request transaction rolls back.
        cr = request.env.registry.cursor()
        cr.execute(
            "INSERT INTO warehouse_scan_log (payload, create_date) VALUES (%s, now() at time zone 'UTC')",
            (json.dumps(payload),),
        )
        cr.commit()
        return {"ok": True}
