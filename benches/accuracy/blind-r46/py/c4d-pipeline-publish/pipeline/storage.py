import os

import boto3

BUCKET = os.environ.get("ACME_PREVIEW_BUCKET", "acme-c4d-previews")


def sync_previews(preview_dir, shot_code):
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    for name in sorted(os.listdir(preview_dir)):
        if not name.lower().endswith((".png", ".jpg", ".exr")):
            continue
        s3.upload_file(
            os.path.join(preview_dir, name),
            BUCKET,
            f"{shot_code}/{name}",
            ExtraArgs={"ContentType": "image/png" if name.endswith(".png") else "application/octet-stream"},
        )
