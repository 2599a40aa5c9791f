"""Entry point: crawl the retailer's catalogue, starting from its category pages."""
from __future__ import annotations

import asyncio
import logging
import os

from crawlee import ConcurrencySettings
from crawlee.crawlers import PlaywrightCrawler

from routes import router
from store import ensure_indexes

START_URLS = [
    u.strip()
    for u in os.environ.get(
        "START_URLS",
        "https://shop.example.com/c/laptops,https://shop.example.com/c/monitors",
    ).split(",")
    if u.strip()
]


async def crawl() -> None:
    await ensure_indexes()
    crawler = PlaywrightCrawler(
        request_handler=router,
        headless=True,
        browser_type="chromium",
        max_requests_per_crawl=int(os.environ.get("MAX_REQUESTS", "20000")),
        max_request_retries=3,
        concurrency_settings=ConcurrencySettings(min_concurrency=2, max_concurrency=12),
    )
    stats = await crawler.run(START_URLS)
    logging.getLogger("catalog").info("crawl finished: %s", stats)


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(crawl())


if __name__ == "__main__":
    run()
