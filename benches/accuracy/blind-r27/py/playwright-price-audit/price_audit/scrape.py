"""Playwright helpers for reading a price off a retailer's product page."""
import re
from decimal import Decimal

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PRICE_RE = re.compile(r"(\d+(?:[.,]\d{3})*(?:[.,]\d{2}))")


def normalise_price(text: str) -> Decimal | None:
    match = PRICE_RE.search(text.replace("\xa0", " "))
    if not match:
        return None
    raw = match.group(1)
    if raw[-3] == ",":
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", "")
    return Decimal(raw)


def dismiss_cookie_banner(page: Page) -> None:
    for label in ("Accept all", "Alle akzeptieren", "Accept"):
        button = page.get_by_role("button", name=label)
        if button.count():
            button.first.click()
            return


def read_price(page: Page, url: str, selector: str) -> tuple[Decimal | None, bytes]:
    page.goto(url, wait_until="domcontentloaded", timeout=30_000)
    dismiss_cookie_banner(page)
    try:
        page.wait_for_selector(selector, timeout=10_000)
        text = page.locator(selector).first.inner_text()
        price = normalise_price(text)
    except PlaywrightTimeout:
        price = None
    screenshot = page.screenshot(full_page=False, type="png")
    return price, screenshot
