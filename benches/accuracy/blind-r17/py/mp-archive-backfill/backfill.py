"""One-off: copy archived invoice PDFs' metadata from S3 into the invoices table.

    python backfill.py --bucket invoices-archive --prefix 2019/ --workers 8
"""
import argparse
import json
import os
from multiprocessing import Pool

import boto3
import psycopg2

DSN = os.environ["DATABASE_URL"]

# Per-worker-process state, set once by the pool initializer and
# released when the worker process exits at the end of the run.
_conn = None
_s3 = None


def _init_worker(dsn: str, region: str) -> None:
    global _conn, _s3
    _conn = psycopg2.connect(dsn, application_name="invoice-backfill-worker")
    _s3 = boto3.client("s3", region_name=region)


def process_key(job: tuple[str, str]) -> int:
    bucket, key = job
    head = _s3.head_object(Bucket=bucket, Key=key)
    meta = head.get("Metadata", {})
    with _conn.cursor() as cur:
        cur.execute(
            "update invoices set archive_key = %s, archive_meta = %s where number = %s and archive_key is null",
            (key, json.dumps(meta), meta.get("invoice-number")),
        )
        updated = cur.rowcount
    _conn.commit()
    return updated


def list_keys(s3, bucket: str, prefix: str):
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            if obj["Key"].endswith(".pdf"):
                yield bucket, obj["Key"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--region", default=os.environ.get("AWS_REGION", "eu-west-1"))
    args = parser.parse_args()

    s3 = boto3.client("s3", region_name=args.region)
    total = 0
    with Pool(processes=args.workers, initializer=_init_worker, initargs=(DSN, args.region)) as pool:
        for n in pool.imap_unordered(process_key, list_keys(s3, args.bucket, args.prefix), chunksize=100):
            total += n
    print(f"updated {total} invoices")

    conn = psycopg2.connect(DSN)
    try:
        with conn.cursor() as cur:
            cur.execute("analyze invoices")
        conn.commit()
    finally:
        conn.close()


if __name__ == "__main__":
    main()
