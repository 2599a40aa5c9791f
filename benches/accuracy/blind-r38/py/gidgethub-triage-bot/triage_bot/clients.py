import os
from functools import lru_cache

import boto3
import redis.asyncio as aioredis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
METRICS_DSN = os.environ.get("METRICS_DSN", "postgresql://triage@localhost/triage_metrics")


def make_redis() -> aioredis.Redis:
    return aioredis.Redis.from_url(REDIS_URL, decode_responses=True)


@lru_cache(maxsize=1)
def flaky_table():
    return boto3.resource("dynamodb", region_name=os.environ.get("AWS_REGION", "eu-west-1")).Table(
        "ci-flaky-checks"
    )
