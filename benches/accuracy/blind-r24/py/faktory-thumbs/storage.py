"""S3 access for original and derived images (one client per process)."""
import io
import os

import boto3
from botocore.config import Config

BUCKET = os.environ.get("MEDIA_BUCKET", "shop-media")

s3 = boto3.client(
    "s3",
    region_name=os.environ.get("AWS_REGION", "eu-west-1"),
    config=Config(max_pool_connections=16, retries={"mode": "adaptive"}),
)


def download(key: str) -> bytes:
    buf = io.BytesIO()
    s3.download_fileobj(BUCKET, key, buf)
    return buf.getvalue()


def upload(key: str, data: bytes, content_type: str) -> None:
    s3.put_object(
        Bucket=BUCKET,
        Key=key,
        Body=data,
        ContentType=content_type,
        CacheControl="public, max-age=31536000, immutable",
    )


def delete_prefix(prefix: str) -> int:
    deleted = 0
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix=prefix):
        keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=BUCKET, Delete={"Objects": keys})
            deleted += len(keys)
    return deleted
