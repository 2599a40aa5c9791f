"""Pending pager alerts mirrored into Redis by the alert router."""

import json
import os
import time

import redis

_redis = redis.Redis.from_url(
    os.environ.get("OPS_REDIS_URL", "redis://ops-redis.internal:6379/0"),
    decode_responses=True,
)

PENDING_KEY = "alerts:pending"


def pending_alerts(limit=20):
    raw = _redis.zrevrange(PENDING_KEY, 0, limit - 1)
    return [json.loads(item) for item in raw]


def ack(alert, who):
    pipe = _redis.pipeline()
    pipe.zrem(PENDING_KEY, json.dumps(alert, sort_keys=True))
    pipe.hset(f"alerts:ack:{alert['id']}", mapping={"by": who, "at": int(time.time())})
    pipe.execute()


def summary():
    alerts = pending_alerts()
    if not alerts:
        return "No pending alerts"
    critical = sum(1 for a in alerts if a.get("severity") == "critical")
    return f"{len(alerts)} pending ({critical} critical)"
