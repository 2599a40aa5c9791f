import asyncio
import json
import os
from datetime import datetime, timezone

import boto3

RECEIPT_BUCKET = os.environ.get("RECEIPT_BUCKET", "ledger-receipts")
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")


class ReceiptWriter:
    """Writes an audit receipt for one transfer to S3."""

    def __init__(self, request_id: str):
        self.request_id = request_id
        self.s3 = boto3.client("s3", region_name=AWS_REGION)

    def _key(self) -> str:
        day = datetime.now(timezone.utc).strftime("%Y/%m/%d")
        return f"receipts/{day}/{self.request_id}.json"

    async def write(self, from_account: str, to_account: str, amount_cents: int) -> str:
        key = self._key()
        body = json.dumps(
            {
                "request_id": self.request_id,
                "from": from_account,
                "to": to_account,
                "amount_cents": amount_cents,
            }
        ).encode()
        await asyncio.to_thread(
            self.s3.put_object, Bucket=RECEIPT_BUCKET, Key=key, Body=body
        )
        return key
