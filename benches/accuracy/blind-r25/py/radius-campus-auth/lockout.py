"""Brute-force protection: count failed logins per user and NAS in Redis."""

import os

import redis

REDIS_HOST = os.environ.get("REDIS_HOST", "redis.campus.internal")
LOCKOUT_DB = int(os.environ.get("LOCKOUT_DB", "4"))
MAX_FAILURES = int(os.environ.get("MAX_FAILURES", "5"))
WINDOW_SECONDS = 900

_counters = redis.Redis(host=REDIS_HOST, port=6379, db=LOCKOUT_DB, socket_timeout=0.5)


def _key(username, nas_ip):
    return f"radius:fail:{username}:{nas_ip}"


def is_locked_out(username, nas_ip):
    r = redis.Redis(host=REDIS_HOST, port=6379, db=LOCKOUT_DB, socket_timeout=0.2)
    failures = r.get(_key(username, nas_ip))
    return failures is not None and int(failures) >= MAX_FAILURES


def note_failure(username, nas_ip):
    pipe = _counters.pipeline()
    pipe.incr(_key(username, nas_ip))
    pipe.expire(_key(username, nas_ip), WINDOW_SECONDS)
    pipe.execute()


def clear(username, nas_ip):
    _counters.delete(_key(username, nas_ip))
