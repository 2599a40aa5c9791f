"""Client factories shared by the pyfunc model and the logging script."""
import functools
import os

import boto3
import psycopg
import redis

FEATURES_DSN = os.environ.get("FEATURES_DSN", "postgresql://scorer@features-db:5432/features")


def feature_db() -> psycopg.Connection:
    return psycopg.connect(FEATURES_DSN, autocommit=True)


def feature_cache() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("FEATURE_CACHE_URL", "redis://cache:6379/3"))


@functools.lru_cache(maxsize=1)
def s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1"))
