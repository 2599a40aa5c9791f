"""Crawlee request handlers: listing pages and product detail pages."""
from __future__ import annotations

import hashlib
import os
from decimal import Decimal

import httpx
from crawlee.crawlers import PlaywrightCrawlingContext
from crawlee.router import Router

from pricing import record_price
from store import get_cache, mark_unavailable, upsert_product

RETAILER = os.environ.get("RETAILER", "shop.example.com")
STOCK_API = os.environ.get("STOCK_API", "https://api.shop.example.com/v1")

router = Router[PlaywrightCrawlingContext]()


@router.default_handler
async def listing_handler(context: PlaywrightCrawlingContext) -> None:
    context.log.info(f"listing page {context.request.url}")
    await context.page.wait_for_selector("article.product-card")
    skus = await context.page.locator("article.product-card").evaluate_all(
        "cards => cards.map(c => c.dataset.sku)"
    )

    async with httpx.AsyncClient(base_url=STOCK_API, timeout=10.0) as http:
        resp = await http.post("/availability", json={"skus": skus})
        resp.raise_for_status()
        gone = [s for s, ok in resp.json()["availability"].items() if not ok]
    await mark_unavailable(RETAILER, gone)

    await context.enqueue_links(selector="article.product-card a.title", label="DETAIL")
    await context.enqueue_links(selector="nav.pagination a[rel=next]")


@router.handler("DETAIL")
async def detail_handler(context: PlaywrightCrawlingContext) -> None:
    page = context.page
    sku = await page.get_attribute("main[data-sku]", "data-sku")
    if not sku:
        context.log.warning(f"no sku on {context.request.url}")
        return

    title = ((await page.locator("h1").text_content()) or "").strip()
    price = Decimal(await page.locator("[itemprop=price]").get_attribute("content") or "0")
    currency = await page.locator("[itemprop=priceCurrency]").get_attribute("content") or "EUR"
    description = ((await page.locator("#description").inner_text()) or "").strip()

    fingerprint = hashlib.sha1(f"{title}|{price}|{description}".encode()).hexdigest()
    cache = get_cache()
    if await cache.get(f"crawl:fp:{sku}") == fingerprint:
        context.log.info(f"{sku} unchanged")
        return

    changed = await upsert_product(
        RETAILER,
        sku,
        {
            "title": title,
            "description": description,
            "url": context.request.url,
            "available": True,
        },
    )
    moved = await record_price(sku, price, currency)
    await cache.set(f"crawl:fp:{sku}", fingerprint, ex=7 * 24 * 3600)

    await context.push_data(
        {"sku": sku, "title": title, "price": str(price), "changed": changed, "price_moved": moved}
    )
