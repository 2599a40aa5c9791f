"""FAB views: CRUD ModelViews plus a live stock dashboard BaseView."""
import json

import redis
from flask import current_app, flash, redirect
from flask_appbuilder import BaseView, ModelView, expose, has_access
from flask_appbuilder.actions import action
from flask_appbuilder.models.sqla.interface import SQLAInterface

from . import app, appbuilder, db
from .models import Product, StockAdjustment, Warehouse
from .reporting import init_reporting, stock_movements, top_movers

init_reporting(app.config["REPORTING_DB_URL"])


class WarehouseView(ModelView):
    datamodel = SQLAInterface(Warehouse)
    list_columns = ["code", "name", "city"]


class ProductView(ModelView):
    datamodel = SQLAInterface(Product)
    list_columns = ["sku", "name", "unit_price", "reorder_level", "warehouse"]
    search_columns = ["sku", "name", "warehouse"]
    show_fieldsets = [
        ("Summary", {"fields": ["sku", "name", "unit_price", "warehouse"]}),
        ("Audit", {"fields": ["created_by", "created_on", "changed_by", "changed_on"], "expanded": False}),
    ]

    @action("zero_reorder", "Reset reorder level", "Reset reorder level to 10?", "fa-undo")
    def zero_reorder(self, items):
        items = items if isinstance(items, list) else [items]
        for product in items:
            product.reorder_level = 10
        db.session.commit()
        flash(f"Reset {len(items)} products", "info")
        return redirect(self.get_redirect())


class StockAdjustmentView(ModelView):
    datamodel = SQLAInterface(StockAdjustment)
    list_columns = ["product", "delta", "reason", "created_on"]
    base_order = ("created_on", "desc")


class StockView(BaseView):
    route_base = "/stock"
    default_view = "levels"

    @expose("/levels/<sku>")
    @has_access
    def levels(self, sku):
        product = db.session.query(Product).filter_by(sku=sku).one_or_none()
        if product is None:
            flash(f"Unknown SKU {sku}", "danger")
            return redirect(self.appbuilder.get_url_for_index)

        counters = redis.Redis.from_url(current_app.config["REDIS_URL"], decode_responses=True)
        on_hand = int(counters.get(f"stock:{sku}:on_hand") or 0)
        reserved = int(counters.get(f"stock:{sku}:reserved") or 0)
        scanners = counters.hgetall(f"stock:{sku}:last_scan")

        movements = stock_movements(sku, days=30)
        self.update_redirect()
        return self.render_template(
            "stock_levels.html",
            product=product,
            on_hand=on_hand,
            reserved=reserved,
            scanners=scanners,
            movements_json=json.dumps(movements, default=str),
            below_reorder=(on_hand - reserved) < product.reorder_level,
        )

    @expose("/movers")
    @has_access
    def movers(self):
        self.update_redirect()
        return self.render_template("stock_movers.html", movers=top_movers(limit=25))


appbuilder.add_view(WarehouseView, "Warehouses", icon="fa-building", category="Inventory")
appbuilder.add_view(ProductView, "Products", icon="fa-cube", category="Inventory")
appbuilder.add_view(StockAdjustmentView, "Adjustments", icon="fa-exchange", category="Inventory")
appbuilder.add_view(StockView, "Top movers", href="/stock/movers", icon="fa-line-chart", category="Stock")
