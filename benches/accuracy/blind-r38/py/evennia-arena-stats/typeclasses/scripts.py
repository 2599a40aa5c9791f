import os
import random

import httpx
from evennia import DefaultScript

from world import economy_db

PRICE_FEED = os.environ.get("PRICE_FEED", "https://prices.mud.example.com")


class EconomyTickScript(DefaultScript):
    """Global script: re-prices market goods every five minutes."""

    def at_script_creation(self):
        self.key = "economy_tick"
        self.desc = "Updates market prices"
        self.interval = 300
        self.persistent = True

    def at_repeat(self):
        feed = httpx.Client(base_url=PRICE_FEED, timeout=10)
        base = feed.get("/v1/base-prices").json()
        prices = {item: round(price * random.uniform(0.9, 1.1), 2) for item, price in base.items()}
        economy_db.record_market_prices(prices)
