"""Small helpers around the dedupe cache (Memorystore / Redis)."""
import os

import redis

DEDUPE_TTL_SECONDS = 24 * 3600


def open_cache() -> redis.Redis:
    return redis.Redis(
        host=os.environ.get("DEDUPE_REDIS_HOST", "10.20.0.5"),
        port=int(os.environ.get("DEDUPE_REDIS_PORT", "6379")),
        db=2,
        socket_timeout=2,
    )


def seen_key(event_id: str) -> str:
    return f"clickstream:seen:{event_id}"
