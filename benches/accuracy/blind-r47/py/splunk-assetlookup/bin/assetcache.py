"""Small Redis-backed cache of CMDB owner lookups shared by all search heads."""
import os

import redis

REDIS_URL = os.environ.get("ASSET_CACHE_URL", "redis://asset-cache.secops.internal:6379/3")
TTL_SECONDS = int(os.environ.get("ASSET_CACHE_TTL", "3600"))


def _key(ip):
    return "assetlookup:owner:" + ip


def cached_owner(ip):
    r = redis.Redis.from_url(REDIS_URL, socket_timeout=2, decode_responses=True)
    return r.get(_key(ip))


def remember_owner(ip, owner):
    r = redis.Redis.from_url(REDIS_URL, socket_timeout=2, decode_responses=True)
    r.setex(_key(ip), TTL_SECONDS, owner)
