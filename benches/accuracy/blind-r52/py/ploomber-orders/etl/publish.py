"""Python task: push the feature file to the ML team's bucket."""
import json
import os
from datetime import datetime, timezone
from functools import lru_cache

import boto3

BUCKET = os.environ.get("FEATURES_BUCKET", "ml-features-prod")


@lru_cache(maxsize=1)
def _s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))


def upload(product, upstream):
    src = str(upstream["build"])
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    key = f"customer_features/{stamp}.parquet"

    _s3().upload_file(src, BUCKET, key)
    _s3().copy_object(
        Bucket=BUCKET,
        CopySource={"Bucket": BUCKET, "Key": key},
        Key="customer_features/latest.parquet",
    )

    with open(str(product), "w") as fh:
        json.dump({"bucket": BUCKET, "key": key, "published_at": stamp}, fh)
