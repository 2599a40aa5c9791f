"""django-unicorn component: live stock search box on the stockroom page.

Template: {% unicorn 'stock-search' %}  with
  <input unicorn:model.debounce-300="query">  and  <button unicorn:click="save_search">
Every model update and every action is an AJAX call that re-instantiates
the component and calls the matching method.
"""
import redis
from django.conf import settings
from django_unicorn.components import UnicornView
from sqlalchemy import or_, select

from inventory.warehouse_db import SessionLocal, stock_levels

RECENT_LIMIT = 8


class StockSearchView(UnicornView):
    query: str = ""
    results: list = []
    recent: list = []

    def mount(self):
        self.results = []

    def updated_query(self, value):
        value = value.strip()
        if len(value) < 2:
            self.results = []
            return
        stmt = (
            select(stock_levels)
            .where(
                or_(
                    stock_levels.c.sku.ilike(f"{value}%"),
                    stock_levels.c.description.ilike(f"%{value}%"),
                )
            )
            .order_by(stock_levels.c.sku)
            .limit(25)
        )
        with SessionLocal() as session:
            rows = session.execute(stmt).all()
        self.results = [
            {
                "sku": r.sku,
                "description": r.description,
                "bin": r.bin_location,
                "on_hand": r.on_hand,
                "low": r.on_hand <= r.reorder_point,
            }
            for r in rows
        ]

    def save_search(self):
        if not self.query:
            return
        cache = redis.Redis.from_url(settings.STOCKROOM_REDIS_URL, decode_responses=True)
        key = f"stockroom:recent:{self.request.user.pk}"
        cache.lrem(key, 0, self.query)
        cache.lpush(key, self.query)
        cache.ltrim(key, 0, RECENT_LIMIT - 1)
        self.recent = cache.lrange(key, 0, RECENT_LIMIT - 1)

    def pick_recent(self, term):
        self.query = term
        self.updated_query(term)
