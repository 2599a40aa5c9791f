"""Per-event enrichment. The clients are injected; nothing here creates connections."""
import json
import logging

import httpx
import redis

log = logging.getLogger(__name__)

GEO_TTL = 24 * 3600


def parse(line: str) -> dict | None:
    line = line.strip()
    if not line:
        return None
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        log.debug("skipping malformed line: %.80s", line)
        return None
    if "tenant" not in event or "type" not in event:
        return None
    return event


def geo_for(ip: str, *, http: httpx.Client, cache: redis.Redis) -> dict:
    key = f"geo:{ip}"
    cached = cache.get(key)
    if cached is not None:
        return json.loads(cached)
    try:
        resp = http.get(f"/v1/ip/{ip}")
        resp.raise_for_status()
        geo = {k: resp.json().get(k) for k in ("country", "region", "city", "asn")}
    except httpx.HTTPError as exc:
        log.warning("geo lookup failed for %s: %s", ip, exc)
        geo = {"country": None, "region": None, "city": None, "asn": None}
    cache.set(key, json.dumps(geo), ex=GEO_TTL)
    return geo


def enrich(event: dict, *, http: httpx.Client, cache: redis.Redis) -> dict:
    ip = event.get("ip")
    geo = geo_for(ip, http=http, cache=cache) if ip else {}
    return {
        "tenant": event["tenant"],
        "type": event["type"],
        "ts": event.get("ts"),
        "user_id": event.get("user_id"),
        "country": geo.get("country"),
        "city": geo.get("city"),
        "asn": geo.get("asn"),
        "props": json.dumps(event.get("props") or {}),
    }
