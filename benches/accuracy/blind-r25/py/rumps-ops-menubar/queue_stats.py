"""Queue depth numbers for the menu bar, read from the ops Redis."""

import os

import redis

REDIS_URL = os.environ.get("OPS_REDIS_URL", "redis://ops-redis.internal:6379/0")

r = redis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=2)

QUEUES = ("emails", "webhooks", "exports", "thumbnails")
WARN_DEPTH = 500


def depths():
    pipe = r.pipeline()
    for name in QUEUES:
        pipe.llen(f"queue:{name}")
    return dict(zip(QUEUES, pipe.execute()))


def backed_up():
    return {name: n for name, n in depths().items() if n >= WARN_DEPTH}


def dead_letters():
    return r.llen("queue:dead")


def reset_counters():
    for name in QUEUES:
        r.delete(f"stats:{name}:processed", f"stats:{name}:failed")


def format_depths():
    lines = [f"{name:<12} {n:>6}" for name, n in depths().items()]
    lines.append(f"{'dead':<12} {dead_letters():>6}")
    return "\n".join(lines)
