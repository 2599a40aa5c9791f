import functools
import os

import boto3

REGION = os.environ.get("AWS_REGION", "eu-west-1")


def make_s3():
    """Build an S3 client with the operator's credentials."""
    return boto3.client("s3", region_name=REGION)


@functools.lru_cache(maxsize=1)
def shared_s3():
    return boto3.client("s3", region_name=REGION)
