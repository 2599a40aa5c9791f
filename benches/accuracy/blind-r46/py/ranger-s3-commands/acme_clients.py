"""Clients shared by the ranger commands and hooks of this ranger process."""
import functools
import os
import threading

import boto3
import redis

ALLOWED_PROFILES = ("media-dev", "media-prod", "archive")

_s3_by_profile = {}
_s3_lock = threading.Lock()


def s3_for(profile: str):
    if profile not in ALLOWED_PROFILES:
        raise ValueError(f"profile {profile!r} not allowed")
    with _s3_lock:
        client = _s3_by_profile.get(profile)
        if client is None:
            client = boto3.Session(profile_name=profile).client("s3")
            _s3_by_profile[profile] = client
        return client


@functools.lru_cache(maxsize=None)
def tag_store() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("RANGER_TAGS_REDIS", "redis://localhost:6379/7"))
