"""Reverse geocoding helper used as a DuckDB scalar UDF.

DuckDB calls the UDF once per row, so the HTTP session is created by the
caller and shared, and answers are memoised per rounded coordinate.
"""
import logging
import time

import requests

log = logging.getLogger(__name__)

NOMINATIM = "https://nominatim.internal.example.com/reverse"


def make_country_lookup(http: requests.Session, min_interval: float = 0.05):
    cache: dict[tuple[float, float], str | None] = {}
    last_call = [0.0]

    def country_of(lat: float, lon: float) -> str | None:
        if lat is None or lon is None:
            return None
        key = (round(lat, 2), round(lon, 2))
        if key in cache:
            return cache[key]
        wait = min_interval - (time.monotonic() - last_call[0])
        if wait > 0:
            time.sleep(wait)
        last_call[0] = time.monotonic()
        try:
            resp = http.get(
                NOMINATIM,
                params={"lat": key[0], "lon": key[1], "format": "jsonv2", "zoom": 3},
                timeout=10,
            )
            resp.raise_for_status()
            code = resp.json().get("address", {}).get("country_code")
        except requests.RequestException:
            log.warning("lookup failed for %s", key)
            code = None
        cache[key] = code.upper() if code else None
        return cache[key]

    return country_of
