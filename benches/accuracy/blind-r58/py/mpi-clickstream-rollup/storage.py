"""S3 access for the archived clickstream logs."""

import gzip
import io
import json
import os

import boto3
from botocore.config import Config

BUCKET = os.environ.get("CLICKSTREAM_BUCKET", "acme-clickstream-archive")


def make_s3_client():
    return boto3.client(
        "s3",
        region_name=os.environ.get("AWS_REGION", "eu-west-1"),
        config=Config(retries={"max_attempts": 8, "mode": "adaptive"}, max_pool_connections=4),
    )


def list_day(s3, day: str) -> list[str]:
    keys = []
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix=f"raw/{day}/"):
        keys.extend(obj["Key"] for obj in page.get("Contents", []) if obj["Key"].endswith(".gz"))
    return sorted(keys)


def iter_events(s3, key: str):
    body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
