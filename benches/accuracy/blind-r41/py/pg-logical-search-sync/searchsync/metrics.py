"""Counters scraped by the ops dashboard."""
import redis

from searchsync import settings

counters = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)


def bump(table: str, action: str) -> None:
    counters.hincrby("searchsync:changes", f"{table}:{action}", 1)
