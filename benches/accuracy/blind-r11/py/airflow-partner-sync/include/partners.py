"""Client code for the partner feed API."""
from __future__ import annotations

import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

FEED_BASE = os.environ.get("PARTNER_FEED_BASE", "https://feeds.partners.example.com")


def _retrying_adapter() -> HTTPAdapter:
    retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
    return HTTPAdapter(max_retries=retry, pool_connections=4, pool_maxsize=4)


def fetch_partner_feed(slug: str, token: str) -> list[dict]:
    session = requests.Session()
    session.mount("https://", _retrying_adapter())
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    items: list[dict] = []
    url = f"{FEED_BASE}/v2/{slug}/offers"
    while url:
        resp = session.get(url, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        items.extend(body["data"])
        url = body.get("next")
    return items
