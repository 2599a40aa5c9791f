"""Small read-through cache for slow catalogue lookups."""
import json
import os
from typing import Any, Callable

import redis

redis_client = redis.Redis.from_url(
    os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True
)


def cached_json(key: str, ttl: int, load: Callable[[], Any]) -> Any:
    hit = redis_client.get(key)
    if hit is not None:
        return json.loads(hit)
    value = load()
    redis_client.setex(key, ttl, json.dumps(value))
    return value
