"""Shared clients for the reports app.

Every accessor here is called from request handlers, so each one must hand
back a process-wide instance rather than building a new client.
"""
from functools import lru_cache

import boto3
import httpx
import redis
from django.conf import settings

_redis: redis.Redis | None = None


def get_redis() -> redis.Redis:
    global _redis
    if _redis is None:
        _redis = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
    return _redis


@lru_cache(maxsize=1)
def get_s3():
    return boto3.client("s3", region_name=settings.AWS_REGION)


@lru_cache(maxsize=128)
def get_billing_client(tenant: str) -> httpx.Client:
    """One pooled client per tenant billing endpoint."""
    return httpx.Client(
        base_url=f"https://{tenant}.{settings.BILLING_DOMAIN}",
        timeout=httpx.Timeout(10.0),
    )
