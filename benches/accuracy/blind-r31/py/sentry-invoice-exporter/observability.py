"""Sentry wiring: enrich every error event with the customer's account tier and
park the offending invoice payload in MinIO so support can replay it."""
import io
import json

import sentry_sdk
from minio import Minio

import db
import settings


def _account_tier(customer_id):
    conn = db.pool.acquire()
    cur = conn.cursor()
    cur.execute(
        "SELECT tier, account_manager FROM customers WHERE customer_id = :cid",
        cid=customer_id,
    )
    row = cur.fetchone()
    if row is None:
        return None
    tier, manager = row
    db.pool.release(conn)
    return {"tier": tier, "account_manager": manager}


def _park_payload(event_id, payload):
    store = Minio(
        settings.MINIO_ENDPOINT,
        access_key=settings.MINIO_ACCESS_KEY,
        secret_key=settings.MINIO_SECRET_KEY,
        secure=False,
    )
    body = json.dumps(payload).encode()
    store.put_object(
        settings.FAILED_PAYLOAD_BUCKET,
        f"{event_id}.json",
        io.BytesIO(body),
        length=len(body),
        content_type="application/json",
    )
    return f"s3://{settings.FAILED_PAYLOAD_BUCKET}/{event_id}.json"


def before_send(event, hint):
    """Called by sentry-sdk for every error event captured in this process."""
    invoice = (event.get("extra") or {}).get("invoice")
    if not invoice:
        return event
    tier = _account_tier(invoice["customer_id"])
    if tier:
        event.setdefault("tags", {}).update(tier)
    event.setdefault("extra", {})["payload_ref"] = _park_payload(event["event_id"], invoice)
    event["extra"].pop("invoice", None)
    return event


def init_sentry():
    sentry_sdk.init(
        dsn=settings.SENTRY_DSN,
        environment="production",
        traces_sample_rate=0.0,
        before_send=before_send,
    )
