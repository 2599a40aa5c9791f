"""Work functions handed to joblib.Parallel.

process_invoice runs in threads and gets every client from the caller.
classify_chunk runs in loky worker processes, which cannot receive live
clients, so each worker process lazily builds and keeps one S3 client.
"""
import json
import os
from functools import lru_cache

import boto3

ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "acme-invoice-archive")
MODEL_BUCKET = os.environ.get("MODEL_BUCKET", "acme-ml-artifacts")


@lru_cache(maxsize=1)
def model_store():
    """One S3 client per loky worker process, reused for every chunk it gets."""
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))


@lru_cache(maxsize=1)
def load_rules():
    body = model_store().get_object(Bucket=MODEL_BUCKET, Key="invoice-rules/v7.json")["Body"]
    return json.loads(body.read())


def process_invoice(pool, ocr, s3, invoice_id):
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT archive_key FROM invoices WHERE id = %s", (invoice_id,)
        ).fetchone()
    if row is None:
        return invoice_id, "missing"

    pdf = s3.get_object(Bucket=ARCHIVE_BUCKET, Key=row[0])["Body"].read()
    resp = ocr.post("/v1/ocr", files={"file": (f"{invoice_id}.pdf", pdf, "application/pdf")})
    if resp.status_code != 200:
        return invoice_id, f"ocr-{resp.status_code}"

    with pool.connection() as conn:
        conn.execute(
            "UPDATE invoices SET ocr_text = %s, ocr_done_at = now() WHERE id = %s",
            (resp.json()["text"], invoice_id),
        )
    return invoice_id, "ok"


def classify_chunk(chunk):
    """chunk: list of (invoice_id, ocr_text); returns (invoice_id, category)."""
    rules = load_rules()
    out = []
    for invoice_id, text in chunk:
        lowered = (text or "").lower()
        category = "other"
        for rule in rules["categories"]:
            if any(word in lowered for word in rule["keywords"]):
                category = rule["name"]
                break
        out.append((invoice_id, category))
    return out
