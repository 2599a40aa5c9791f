"""Per-caller call velocity limits kept in Redis."""
import os

import redis

LIMIT_PER_MINUTE = int(os.environ.get("EDGE_CPM_LIMIT", "30"))


def too_many_calls(caller, source_ip):
    r = redis.Redis(
        host=os.environ.get("EDGE_REDIS_HOST", "10.0.4.20"),
        port=6379,
        db=2,
        socket_timeout=0.2,
    )
    key = "cpm:%s:%s" % (caller, source_ip)
    count = r.incr(key)
    if count == 1:
        r.expire(key, 60)
    return count > LIMIT_PER_MINUTE
