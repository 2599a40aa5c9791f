"""Fixed-window throttle per destination host."""
import os
from urllib.parse import urlsplit

import redis

client = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=int(os.environ.get("REDIS_PORT", "6379")), db=0)


def allow(url: str, limit: int = 30, window: int = 60) -> bool:
    host = urlsplit(url).hostname or "unknown"
    key = f"throttle:{host}"
    pipe = client.pipeline()
    pipe.incr(key)
    pipe.expire(key, window, nx=True)
    count, _ = pipe.execute()
    return int(count) <= limit
