"""Remembers the last LSN we flushed to Elasticsearch."""
import redis

from searchsync import settings

r = redis.Redis.from_url(settings.REDIS_URL)

KEY = f"searchsync:{settings.SLOT_NAME}:lsn"


def save(lsn: int) -> None:
    r.set(KEY, lsn)


def load() -> int:
    value = r.get(KEY)
    return int(value) if value else 0
