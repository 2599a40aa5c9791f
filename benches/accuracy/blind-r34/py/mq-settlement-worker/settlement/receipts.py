import json
import os

import boto3

BUCKET = os.environ.get("RECEIPT_BUCKET", "acme-settlement-receipts")


def archive_receipt(payment_id, payload):
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    s3.put_object(
        Bucket=BUCKET,
        Key="receipts/%s.json" % payment_id,
        Body=json.dumps(payload).encode("utf-8"),
        ContentType="application/json",
    )
