"""Long-lived clients, shared by all signal receivers in a process.

* one requests.Session per organizer CRM (organizers use different CRMs)
* one Redis client for de-duplication, created on first use
* one S3 client for snapshots
"""
import threading
from functools import lru_cache

import boto3
import redis
import requests
from django.conf import settings

_crm_sessions = {}
_crm_lock = threading.Lock()

_redis = None
_redis_lock = threading.Lock()


def crm_session(organizer_slug, token):
    """Per-tenant cache: the session is rebuilt only if the token was rotated."""
    with _crm_lock:
        cached = _crm_sessions.get(organizer_slug)
        if cached is not None and cached[0] == token:
            return cached[1]
        if cached is not None:
            cached[1].close()
        session = requests.Session()
        session.headers.update({
            "Authorization": f"Bearer {token}",
            "User-Agent": "pretix-crm-sync",
        })
        _crm_sessions[organizer_slug] = (token, session)
        return session


def dedup_redis():
    global _redis
    if _redis is None:
        with _redis_lock:
            if _redis is None:
                _redis = redis.Redis.from_url(
                    getattr(settings, "CRMSYNC_REDIS_URL", "redis://127.0.0.1:6379/5"),
                    socket_timeout=3,
                )
    return _redis


@lru_cache(maxsize=1)
def snapshot_s3():
    return boto3.client("s3")
