"""Geocoding helpers called from plpython3u functions and triggers.

PostgreSQL runs these once per row. GD is PL/Python's per-backend global dictionary,
so the HTTP session and the Redis client below are created once per database
connection and reused by every later call in that backend.
"""

import hashlib
import json

import redis
import requests

CACHE_TTL = 30 * 86400


def settings(plpy, GD):
    cfg = GD.get("geocode_settings")
    if cfg is None:
        row = plpy.execute(
            "SELECT current_setting('geocode.url', true) AS url, "
            "current_setting('geocode.redis_url', true) AS redis_url"
        )[0]
        cfg = {"url": row["url"] or "http://pelias.internal:4000",
               "redis_url": row["redis_url"] or "redis://cache.internal:6379/7"}
        GD["geocode_settings"] = cfg
    return cfg


def http_session(GD):
    session = GD.get("geocode_http")
    if session is None:
        session = requests.Session()
        session.headers["User-Agent"] = "pg-geocode/1.3"
        GD["geocode_http"] = session
    return session


def cache_client(GD, url):
    client = GD.get("geocode_redis")
    if client is None:
        client = redis.Redis.from_url(url, socket_timeout=0.5, decode_responses=True)
        GD["geocode_redis"] = client
    return client


def _cache_key(address):
    normalized = " ".join(address.lower().split())
    return "geo:" + hashlib.sha1(normalized.encode()).hexdigest()


def geocode(plpy, GD, address):
    if not address or not address.strip():
        return None
    cfg = settings(plpy, GD)
    cache = cache_client(GD, cfg["redis_url"])
    key = _cache_key(address)
    try:
        hit = cache.get(key)
    except redis.RedisError as exc:
        plpy.warning(f"geocode cache unavailable: {exc}")
        hit = None
    if hit:
        return hit

    try:
        resp = http_session(GD).get(
            f"{cfg['url']}/v1/search", params={"text": address, "size": 1}, timeout=3
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        plpy.warning(f"geocoder request failed: {exc}")
        return None

    features = resp.json().get("features", [])
    if not features:
        return None
    lon, lat = features[0]["geometry"]["coordinates"]
    result = json.dumps({
        "lon": lon,
        "lat": lat,
        "confidence": features[0]["properties"].get("confidence"),
        "label": features[0]["properties"].get("label"),
    })
    try:
        cache.setex(key, CACHE_TTL, result)
    except redis.RedisError:
        pass
    return result


def on_customer_change(plpy, GD, TD):
    new = TD["new"]
    old = TD["old"] or {}
    fields = ("street", "city", "postcode")
    if TD["event"] == "UPDATE" and all(new[f] == old.get(f) for f in fields):
        return None
    address = ", ".join(str(new[f]) for f in fields if new[f])
    result = geocode(plpy, GD, address)
    new["geo"] = result
    return "MODIFY"
