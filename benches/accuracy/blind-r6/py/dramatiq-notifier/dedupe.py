"""Drop duplicate deliveries: providers retry aggressively."""
import os

import redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

_redis = redis.Redis.from_url(REDIS_URL, decode_responses=True)


def seen_before(event_id: str, ttl: int = 24 * 3600) -> bool:
    """Return True if this event id was already processed."""
    first = _redis.set(f"dedupe:{event_id}", "1", nx=True, ex=ttl)
    return not first
