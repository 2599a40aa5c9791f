"""Client factories. Called exactly once, from scorer.server.main()."""
import logging
import os
import time

import boto3
import psycopg
import redis
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)

FEATURES_DSN = os.environ.get("FEATURES_DSN", "postgresql://scorer@features-db:5432/features")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
AWS_REGION = os.environ.get("AWS_REGION", "eu-central-1")


def wait_for_features_db(attempts: int = 10) -> None:
    for attempt in range(1, attempts + 1):
        try:
            with psycopg.connect(FEATURES_DSN, connect_timeout=5) as probe:
                probe.execute("SELECT 1")
            return
        except psycopg.OperationalError:
            log.warning("features db not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 * attempt, 15))
    raise RuntimeError("could not reach features database")


def make_pool() -> ConnectionPool:
    wait_for_features_db()
    return ConnectionPool(
        FEATURES_DSN,
        min_size=2,
        max_size=8,
        kwargs={"autocommit": True, "application_name": "fraud-scorer"},
        open=True,
    )


def make_redis() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL, socket_timeout=2, health_check_interval=30)


def make_s3():
    return boto3.client("s3", region_name=AWS_REGION)
