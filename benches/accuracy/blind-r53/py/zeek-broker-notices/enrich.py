"""Asset / owner lookups used to enrich notices before alerting."""
import json
import os

import redis

REDIS_URL = os.environ.get("SOC_REDIS_URL", "redis://cache.soc.internal:6379/2")
CMDB_URL = os.environ.get("CMDB_URL", "https://cmdb.internal/api/v2")

cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)

_TTL = 900


def host_context(ip: str) -> dict:
    key = f"cmdb:host:{ip}"
    cached = cache.get(key)
    if cached:
        return json.loads(cached)

    import requests

    resp = requests.get(f"{CMDB_URL}/hosts", params={"ip": ip}, timeout=5)
    if resp.status_code == 404:
        context = {"ip": ip, "owner": None, "criticality": "unknown"}
    else:
        resp.raise_for_status()
        body = resp.json()
        context = {
            "ip": ip,
            "owner": body.get("owner_team"),
            "criticality": body.get("criticality", "unknown"),
            "hostname": body.get("fqdn"),
        }
    cache.setex(key, _TTL, json.dumps(context))
    return context


def is_suppressed(note: str, src: str) -> bool:
    return bool(cache.sismember("soc:suppressed", f"{note}|{src}"))
