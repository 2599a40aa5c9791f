"""Boto3 clients shared by every add-on instance in this process (web or celery worker)."""
from functools import lru_cache

import boto3
from botocore.config import Config
from django.conf import settings

ALLOWED_REGIONS = frozenset(getattr(settings, "S3EXPORT_REGIONS", ("eu-west-1", "us-east-1")))


@lru_cache(maxsize=None)
def s3_client(region):
    if region not in ALLOWED_REGIONS:
        raise ValueError(f"S3 export region {region!r} is not enabled")
    return boto3.client(
        "s3",
        region_name=region,
        config=Config(retries={"max_attempts": 5, "mode": "standard"}, max_pool_connections=20),
    )
