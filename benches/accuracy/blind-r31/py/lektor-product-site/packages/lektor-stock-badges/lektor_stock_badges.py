"""Adds live stock badges to product pages.

`lektor server` keeps the plugin instance alive and rebuilds on every change, so the
engine and HTTP session are created lazily once and reused for every build.
"""
import requests
from lektor.pluginsystem import Plugin
from sqlalchemy import create_engine, text


class StockBadgesPlugin(Plugin):
    name = "stock-badges"
    description = "Stock level badges from the catalog database."

    def on_setup_env(self, **extra):
        self._engine = None
        self._http = None
        self._levels = {}
        self.env.jinja_env.globals["stock_badge"] = self.stock_badge

    def _get_engine(self):
        if self._engine is None:
            self._engine = create_engine(
                self.get_config().get("database.url"),
                pool_size=1,
                max_overflow=1,
                pool_pre_ping=True,
            )
        return self._engine

    def _get_http(self):
        if self._http is None:
            self._http = requests.Session()
            self._http.headers["User-Agent"] = "lektor-stock-badges/0.3"
        return self._http

    def on_before_build_all(self, builder, **extra):
        # One query per build, not per page.
        with self._get_engine().connect() as conn:
            rows = conn.execute(text("SELECT sku, on_hand FROM stock_levels WHERE warehouse = 'MAIN'"))
            self._levels = {sku: on_hand for sku, on_hand in rows}

    def on_before_build(self, builder, build_state, source, prog, **extra):
        model = getattr(source, "datamodel", None)
        sku = source["sku"] if model is not None and model.id == "product" else None
        if sku and sku not in self._levels:
            with self._get_engine().connect() as conn:
                self._levels[sku] = conn.execute(
                    text("SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE sku = :s"),
                    {"s": sku},
                ).scalar_one()

    def stock_badge(self, sku):
        level = self._levels.get(sku, 0)
        if level == 0:
            return "Out of stock"
        if level < 10:
            return f"Only {level} left"
        return "In stock"

    def on_after_build_all(self, builder, **extra):
        url = self.get_config().get("notify.url")
        if url:
            self._get_http().post(url, json={"site": "products", "skus": len(self._levels)}, timeout=5)
