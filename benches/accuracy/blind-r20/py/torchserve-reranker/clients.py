"""Factories used by RerankHandler.initialize (once per TorchServe worker process)."""
import logging
import os
import time

import boto3
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


def make_passage_pool(dsn: str, attempts: int = 6) -> ConnectionPool:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=4, open=False, name="passages")
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except PoolTimeout:
            pool.close()
            if attempt == attempts:
                raise
            log.warning("passages DB not ready (attempt %d/%d), retrying in %.0fs", attempt, attempts, delay)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise RuntimeError("unreachable")


def make_metrics_sink():
    return boto3.client("cloudwatch", region_name=os.environ.get("AWS_REGION", "us-east-1"))
