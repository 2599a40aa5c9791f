"""Leaderboard feed from the arcade's central scores API."""
import logging
import os

import requests

log = logging.getLogger(__name__)

API_BASE = os.environ.get("SCORES_API", "https://scores.arcade.internal/api/v2")
API_TOKEN = os.environ.get("SCORES_API_TOKEN", "")


def _headers() -> dict:
    headers = {"Accept": "application/json", "User-Agent": "arcade-kiosk/2.1"}
    if API_TOKEN:
        headers["Authorization"] = f"Bearer {API_TOKEN}"
    return headers


def fetch_leaderboard(cabinet: str, limit: int = 10) -> list[dict]:
    """Top scores for this cabinet's game; an empty list keeps the old board on screen."""
    api = requests.Session()
    api.headers.update(_headers())
    try:
        resp = api.get(
            f"{API_BASE}/cabinets/{cabinet}/leaderboard",
            params={"limit": limit, "period": "week"},
            timeout=2,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("leaderboard fetch failed: %s", exc)
        return []
    return [
        {"initials": row.get("initials", "???")[:3], "score": int(row.get("score", 0))}
        for row in resp.json().get("entries", [])
    ]
