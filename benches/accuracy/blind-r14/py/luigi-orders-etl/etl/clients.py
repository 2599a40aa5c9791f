"""Process-wide clients. Luigi may run many task instances in one worker process,
so each client is built on first use and then re-used."""
import functools
import os

import boto3
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


@functools.lru_cache(maxsize=None)
def orders_engine() -> Engine:
    return create_engine(
        os.environ.get("ORDERS_DB_URL", "mysql+pymysql://etl@orders-replica/shop"),
        pool_size=2,
        max_overflow=0,
        pool_recycle=1800,
    )


@functools.lru_cache(maxsize=None)
def s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
