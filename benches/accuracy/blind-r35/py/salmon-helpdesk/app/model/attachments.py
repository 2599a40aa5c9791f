import os
import uuid

import boto3
from sqlalchemy import create_engine, text

BUCKET = os.environ.get("ATTACHMENT_BUCKET", "helpdesk-attachments")

_engine = create_engine(os.environ["HELPDESK_DATABASE_URL"], pool_size=3, pool_pre_ping=True)


def store(ticket_id: int, filename: str, payload: bytes, content_type: str) -> str:
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    key = f"tickets/{ticket_id}/{uuid.uuid4()}/{filename}"
    s3.put_object(Bucket=BUCKET, Key=key, Body=payload, ContentType=content_type)
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO attachments (ticket_id, filename, s3_key, size) "
                "VALUES (:ticket_id, :filename, :key, :size)"
            ),
            {"ticket_id": ticket_id, "filename": filename, "key": key, "size": len(payload)},
        )
    return key
