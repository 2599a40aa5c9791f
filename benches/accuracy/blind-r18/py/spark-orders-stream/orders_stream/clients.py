import boto3

from . import settings


def archive_s3():
    return boto3.client("s3", region_name="eu-west-1")


def archive_key(batch_id: int) -> str:
    return f"orders/batch={batch_id:09d}.jsonl"


def bucket() -> str:
    return settings.ARCHIVE_BUCKET
