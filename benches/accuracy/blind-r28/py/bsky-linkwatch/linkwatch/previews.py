"""Fetch a light-weight preview (title / description) of a linked page."""
import html
import logging
import re

import httpx

log = logging.getLogger(__name__)

USER_AGENT = "linkwatch/1.3 (+https://example.com/linkwatch)"
MAX_BYTES = 64 * 1024

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
OG_RE = re.compile(
    r'<meta[^>]+property=["\']og:(title|description)["\'][^>]+content=["\']([^"\']*)["\']',
    re.IGNORECASE,
)


def _clean(value: str) -> str:
    return " ".join(html.unescape(value).split())[:300]


def _parse(body: str) -> dict:
    preview: dict = {}
    for key, value in OG_RE.findall(body):
        preview.setdefault(key.lower(), _clean(value))
    if "title" not in preview:
        match = TITLE_RE.search(body)
        if match:
            preview["title"] = _clean(match.group(1))
    return preview


def fetch_preview(url: str) -> dict:
    """Return {'title': ..., 'description': ...} or {} when the page is unreachable."""
    with httpx.Client(
        timeout=httpx.Timeout(5.0, connect=2.0),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html"},
    ) as http:
        try:
            resp = http.get(url)
        except httpx.HTTPError as exc:
            log.debug("preview failed for %s: %s", url, exc)
            return {}
    if resp.status_code != 200:
        return {}
    if "html" not in resp.headers.get("content-type", ""):
        return {}
    return _parse(resp.text[:MAX_BYTES])
