import os
from html import escape

import redis
from Page import Page

from catalogdb import fetch_part
from stockdb import stock_levels

REDIS_HOST = os.environ.get('REDIS_HOST', 'localhost')


class Part(Page):
    """Part detail page: /Catalog/Part?sku=6204-2RS"""

    def title(self):
        return 'Part details'

    def writeContent(self):
        sku = self.request().field('sku', '').strip()
        part = fetch_part(sku) if sku else None
        if part is None:
            self.response().setStatus(404, 'Not Found')
            self.writeln('<p>Unknown part.</p>')
            return

        views = redis.Redis(host=REDIS_HOST, port=6379, db=2, decode_responses=True)
        seen = views.incr(f'catalog:views:{sku}')

        wr = self.writeln
        wr(f'<h1>{escape(part["name"])}</h1>')
        wr(f'<p>{escape(part["description"] or "")}</p>')
        wr(f'<p>Price: {part["unit_price"]:.2f} EUR &middot; viewed {seen} times</p>')
        wr('<h2>Stock</h2><ul>')
        for warehouse, on_hand in stock_levels(sku):
            wr(f'<li>{escape(warehouse)}: {on_hand}</li>')
        wr('</ul>')
