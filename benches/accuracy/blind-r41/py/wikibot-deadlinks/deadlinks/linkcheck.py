"""Liveness checks and Wayback Machine lookups."""
import httpx
import requests

USER_AGENT = "DeadLinksBot/0.4 (https://meta.wikimedia.org/wiki/User:DeadLinksBot)"

# One session for every HEAD request the bot makes.
_session = requests.Session()
_session.headers["User-Agent"] = USER_AGENT


def is_dead(url: str) -> bool:
    try:
        resp = _session.head(url, allow_redirects=True, timeout=10)
    except requests.RequestException:
        return True
    return resp.status_code in (404, 410) or resp.status_code >= 500


def wayback_snapshot(url: str) -> str | None:
    with httpx.Client(timeout=15, headers={"User-Agent": USER_AGENT}) as client:
        resp = client.get("https://archive.org/wayback/available", params={"url": url})
    if resp.status_code != 200:
        return None
    closest = resp.json().get("archived_snapshots", {}).get("closest")
    if closest and closest.get("available"):
        return closest["url"]
    return None
