"""Lazily created, process-wide clients for the ops segments.

powerline-daemon (and vim/ipython bindings) import the segment module once
and call segment functions on every prompt render, so anything with a
connection pool is created on first use and then reused.
"""
import os
import threading

import redis
import requests

_lock = threading.Lock()
_redis = None


def get_redis():
    """Shared Redis client for on-call / incident keys (created once)."""
    global _redis
    if _redis is None:
        with _lock:
            if _redis is None:
                _redis = redis.Redis.from_url(
                    os.environ.get("OPS_REDIS_URL", "redis://ops-cache.internal:6379/3"),
                    decode_responses=True,
                    socket_timeout=0.2,
                    socket_connect_timeout=0.2,
                )
    return _redis


def new_deploy_api_session():
    """Session for the deploy API; callers own it and must close it."""
    session = requests.Session()
    session.headers.update(
        {
            "Authorization": f"Bearer {os.environ.get('DEPLOY_API_TOKEN', '')}",
            "User-Agent": "powerline-ops/0.6",
        }
    )
    return session
