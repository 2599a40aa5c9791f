"""Internal expansion modules for misp-modules.

All modules listed in __all__ are imported once into the misp-modules server
process; their handler() is then called for every enrichment/hover query sent
by MISP.
"""
import json
import os
from functools import lru_cache

import redis

__all__ = ["passive_dns_internal", "sightings_lookup", "asset_owner_lookup"]

REDIS_URL = os.environ.get("MISP_INTERNAL_REDIS_URL", "redis://127.0.0.1:6379/7")


@lru_cache(maxsize=1)
def get_cache() -> redis.Redis:
    """One Redis client shared by all internal modules."""
    return redis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=2)


def parse_query(q):
    """Return (request, attribute_type, value) or raise ValueError."""
    request = json.loads(q)
    for attr_type in ("ip-src", "ip-dst", "domain", "hostname"):
        if request.get(attr_type):
            return request, attr_type, request[attr_type].strip()
    raise ValueError("Unsupported attribute type")


def error(message):
    return {"error": message}
