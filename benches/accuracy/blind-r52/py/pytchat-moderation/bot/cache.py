"""Redis helpers for per-author rate limiting."""
import os

import redis

REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
REDIS_PORT = int(os.environ.get("REDIS_PORT", "6379"))

WINDOW_SECONDS = 30
MAX_MESSAGES = 8


def get_redis():
    return redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=2, socket_timeout=2)


def too_fast(r, channel_id):
    """Fixed-window counter: more than MAX_MESSAGES in WINDOW_SECONDS is spam."""
    key = f"rate:{channel_id}"
    pipe = r.pipeline()
    pipe.incr(key)
    pipe.expire(key, WINDOW_SECONDS, nx=True)
    count, _ = pipe.execute()
    return count > MAX_MESSAGES


def mark_flagged(r, channel_id, reason):
    """Flagged authors are shown to the human moderators in the dashboard."""
    r.hset("flagged", channel_id, reason)
    r.expire("flagged", 6 * 3600)
