"""S3 mirroring helpers."""
import os

import boto3
import requests

BUCKET = os.environ.get("MEDIA_BUCKET", "acme-media-mirror")
REGION = os.environ.get("AWS_REGION", "eu-west-1")


def upload_to_s3(source_url: str, asset_id: str) -> str:
    s3 = boto3.client("s3", region_name=REGION)
    key = f"media/{asset_id}"
    with requests.get(source_url, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        s3.upload_fileobj(resp.raw, BUCKET, key, ExtraArgs={"ContentType": resp.headers.get("Content-Type", "application/octet-stream")})
    return key
