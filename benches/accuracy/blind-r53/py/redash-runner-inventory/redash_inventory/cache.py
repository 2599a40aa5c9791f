"""Small response cache for the inventory runner (shared Redis used by Redash)."""
import hashlib
import json
import os

import redis

CACHE_URL = os.environ.get("INVENTORY_CACHE_URL", os.environ.get("REDASH_REDIS_URL", "redis://redis:6379/0"))
CACHE_TTL = int(os.environ.get("INVENTORY_CACHE_TTL", "120"))


def get_cache():
    return redis.Redis.from_url(CACHE_URL, socket_timeout=2)


def cache_key(base_url, query):
    digest = hashlib.sha1(json.dumps(query, sort_keys=True).encode("utf-8")).hexdigest()
    return "inventory-runner:%s:%s" % (hashlib.sha1(base_url.encode()).hexdigest()[:8], digest)


def load(client, key):
    raw = client.get(key)
    if raw is None:
        return None
    return json.loads(raw)


def store(client, key, payload):
    client.setex(key, CACHE_TTL, json.dumps(payload))


def invalidate(client, base_url):
    prefix = "inventory-runner:%s:*" % hashlib.sha1(base_url.encode()).hexdigest()[:8]
    for key in client.scan_iter(match=prefix, count=200):
        client.delete(key)
