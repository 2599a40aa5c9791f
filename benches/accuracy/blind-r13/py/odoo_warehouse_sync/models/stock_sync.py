import logging

import psycopg2
import redis
import requests

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

LEGACY_DSN_PARAM = "warehouse_sync.legacy_dsn"
REDIS_URL_PARAM = "warehouse_sync.redis_url"
CARRIER_API = "https://api.carrier.example.com/v2"


class ProductProduct(models.Model):
    _inherit = "product.product"

    legacy_sku = fields.Char(index=True)
    legacy_qty = fields.Float(readonly=True)
    legacy_hint = fields.Char(compute="_compute_legacy_hint")

    @api.model
    def _param(self, key):
        return self.env["ir.config_parameter"].sudo().get_param(key)

    @api.model
    def _cron_pull_legacy_stock(self):
        """Scheduled action, every 10 minutes (data/ir_cron.xml)."""
        products = self.search([("legacy_sku", "!=", False)])
        dsn = self._param(LEGACY_DSN_PARAM)
        for product in products:
            conn = psycopg2.connect(dsn)
            try:
                with conn.cursor() as cur:
                    cur.execute(
                        "SELECT on_hand FROM wms_stock WHERE sku = %s",
                        (product.legacy_sku,),
                    )
                    row = cur.fetchone()
                if row is not None:
                    product.legacy_qty = row[0]
            finally:
                conn.close()
        _logger.info("legacy stock pulled for %s products", len(products))

    @api.depends("legacy_sku")
    def _compute_legacy_hint(self):
        cache = redis.Redis.from_url(self._param(REDIS_URL_PARAM), decode_responses=True)
        for product in self:
            if not product.legacy_sku:
                product.legacy_hint = False
                continue
            product.legacy_hint = cache.get(f"wms:hint:{product.legacy_sku}") or False


class StockPicking(models.Model):
    _inherit = "stock.picking"

    carrier_pushed = fields.Boolean(default=False, copy=False)

    @api.model
    def _cron_push_tracking(self):
        token = self.env["ir.config_parameter"].sudo().get_param("warehouse_sync.carrier_token")
        http = requests.Session()
        http.headers.update({"Authorization": f"Bearer {token}"})
        pickings = self.search([
            ("state", "=", "done"),
            ("carrier_tracking_ref", "!=", False),
            ("carrier_pushed", "=", False),
        ], limit=200)
        for picking in pickings:
            resp = http.post(
                f"{CARRIER_API}/shipments",
                json={"reference": picking.name, "tracking": picking.carrier_tracking_ref},
                timeout=15,
            )
            if resp.ok:
                picking.carrier_pushed = True
            else:
                _logger.warning("carrier rejected %s: %s", picking.name, resp.text)

    def action_recount_from_wms(self):
        """Button on the picking form."""
        self.ensure_one()
        # Odoo's own cursor, shared and managed by the request/transaction.
        self.env.cr.execute(
            "SELECT product_id, SUM(quantity) FROM stock_move_line WHERE picking_id = %s GROUP BY product_id",
            (self.id,),
        )
        totals = dict(self.env.cr.fetchall())
        self.message_post(body=f"Recounted {len(totals)} products")
        return True
