import functools
import os

import boto3


@functools.lru_cache(maxsize=1)
def s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))


def presign(key, bucket="catalog-images", ttl=900):
    return s3().generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=ttl
    )
