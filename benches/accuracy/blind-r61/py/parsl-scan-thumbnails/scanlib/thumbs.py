"""Runs inside Parsl workers: one call per scanned page."""
import io
import os

import boto3
from PIL import Image

BUCKET = os.environ.get("SCAN_BUCKET", "archive-scans")
SIZES = (256, 1024)


def render(key: str) -> dict:
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    image = Image.open(io.BytesIO(body))
    out = {"key": key, "width": image.width, "height": image.height}
    for size in SIZES:
        thumb = image.copy()
        thumb.thumbnail((size, size))
        buf = io.BytesIO()
        thumb.convert("RGB").save(buf, format="JPEG", quality=85)
        thumb_key = f"thumbs/{size}/{key.rsplit('/', 1)[-1]}.jpg"
        s3.put_object(Bucket=BUCKET, Key=thumb_key, Body=buf.getvalue(),
                      ContentType="image/jpeg")
        out[f"thumb_{size}"] = thumb_key
    return out
