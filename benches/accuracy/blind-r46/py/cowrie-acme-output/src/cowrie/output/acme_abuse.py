"""AbuseIPDB reputation lookups with one shared HTTP session per cowrie process."""
from __future__ import annotations

import functools
import os

import requests

ABUSEIPDB_KEY = os.environ.get("ABUSEIPDB_KEY", "")


@functools.lru_cache(maxsize=1)
def _session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"Key": ABUSEIPDB_KEY, "Accept": "application/json"})
    return s


@functools.lru_cache(maxsize=4096)
def abuse_score(ip: str) -> int | None:
    if not ABUSEIPDB_KEY:
        return None
    try:
        resp = _session().get(
            "https://api.abuseipdb.com/api/v2/check",
            params={"ipAddress": ip, "maxAgeInDays": 30},
            timeout=3,
        )
        resp.raise_for_status()
    except requests.RequestException:
        return None
    return resp.json()["data"]["abuseConfidenceScore"]


def close() -> None:
    if _session.cache_info().currsize:
        _session().close()
        _session.cache_clear()
