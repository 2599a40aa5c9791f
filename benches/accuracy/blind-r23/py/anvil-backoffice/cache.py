"""Redis helpers for the back-office uplink."""
import json
import os

import redis

REDIS_HOST = os.environ.get("REDIS_HOST", "redis.internal")
REDIS_PORT = int(os.environ.get("REDIS_PORT", "6379"))


def get_cache():
    return redis.Redis(
        host=REDIS_HOST,
        port=REDIS_PORT,
        db=2,
        decode_responses=True,
        socket_timeout=2,
    )


def cached_json(client, key, loader, ttl=300):
    raw = client.get(key)
    if raw is not None:
        return json.loads(raw)
    value = loader()
    client.set(key, json.dumps(value, default=str), ex=ttl)
    return value


def invalidate_customer(client, customer_id):
    for key in client.scan_iter(match=f"customer:{customer_id}:*"):
        client.delete(key)
