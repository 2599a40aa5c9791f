import logging
import os
import time
from functools import lru_cache

import boto3
import psycopg

log = logging.getLogger(__name__)

WAREHOUSE_DSN = os.environ.get("WAREHOUSE_DSN", "postgresql://analytics@warehouse/crm")


def connect_warehouse(retries: int = 5) -> psycopg.Connection:
    """Open one warehouse connection, retrying while the replica wakes up."""
    for attempt in range(1, retries + 1):
        try:
            conn = psycopg.connect(WAREHOUSE_DSN, connect_timeout=10, application_name="churn-flow")
            break
        except psycopg.OperationalError as exc:
            if attempt == retries:
                raise
            log.warning("warehouse not ready (%s), retry %d/%d", exc, attempt, retries)
            time.sleep(2**attempt)
    return conn


@lru_cache(maxsize=1)
def get_s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1"))
