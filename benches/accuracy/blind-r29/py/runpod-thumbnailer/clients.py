"""Client helpers for the thumbnail worker."""
import os
from functools import lru_cache

import boto3
from botocore.config import Config
from sqlalchemy import create_engine

REGION = os.environ.get("AWS_REGION", "us-east-1")
DATABASE_URL = os.environ.get(
    "MEDIA_DATABASE_URL", "postgresql+psycopg2://media:media@media-db:5432/media"
)

# Module-level engine shared by every job this worker handles.
engine = create_engine(DATABASE_URL, pool_size=20, max_overflow=30, pool_pre_ping=True)


def get_s3():
    """Return an S3 client configured for large multipart transfers."""
    return boto3.client(
        "s3",
        region_name=REGION,
        config=Config(retries={"max_attempts": 8, "mode": "adaptive"}, max_pool_connections=32),
    )


@lru_cache(maxsize=1)
def get_cloudwatch():
    return boto3.client("cloudwatch", region_name=REGION)


def put_metric(name: str, value: float, unit: str = "Count") -> None:
    get_cloudwatch().put_metric_data(
        Namespace="Thumbnailer",
        MetricData=[{"MetricName": name, "Value": value, "Unit": unit}],
    )
