#!/usr/bin/env python3
"""SABnzbd post-processing script: one process per finished download.

Uploads every file of the completed job to Backblaze B2 (S3 API), records the
files in the catalog database, and sends one ntfy notification.
"""
import hashlib
import os
import sys
import time

import boto3
import psycopg2
import requests
from boto3.s3.transfer import TransferConfig


def open_catalog(dsn, attempts=3):
    """Called once from main(); the catalog VM is sometimes still booting."""
    for attempt in range(1, attempts + 1):
        try:
            return psycopg2.connect(dsn, connect_timeout=5)
        except psycopg2.OperationalError as exc:
            if attempt == attempts:
                raise
            print("catalog not ready (%s), retrying" % exc)
            time.sleep(5 * attempt)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def main():
    job_dir = os.environ.get("SAB_COMPLETE_DIR") or sys.argv[1]
    job_name = os.environ.get("SAB_FINAL_NAME") or sys.argv[3]
    category = os.environ.get("SAB_CAT") or sys.argv[5]
    status = os.environ.get("SAB_PP_STATUS") or sys.argv[7]
    if status != "0":
        print("job %s failed in SABnzbd (status %s), nothing archived" % (job_name, status))
        return 0

    s3 = boto3.client(
        "s3",
        endpoint_url=os.environ["B2_ENDPOINT"],
        aws_access_key_id=os.environ["B2_KEY_ID"],
        aws_secret_access_key=os.environ["B2_APP_KEY"],
    )
    bucket = os.environ["B2_BUCKET"]
    transfer = TransferConfig(multipart_threshold=64 << 20, max_concurrency=4)

    conn = open_catalog(os.environ["CATALOG_DSN"])
    uploaded = 0
    try:
        with conn, conn.cursor() as cur:
            for root, _dirs, files in os.walk(job_dir):
                for name in sorted(files):
                    path = os.path.join(root, name)
                    rel = os.path.relpath(path, job_dir)
                    key = "%s/%s/%s" % (category, job_name, rel)
                    s3.upload_file(path, bucket, key, Config=transfer)
                    cur.execute(
                        "INSERT INTO archived_files (job, category, object_key, bytes, sha256)"
                        " VALUES (%s, %s, %s, %s, %s)",
                        (job_name, category, key, os.path.getsize(path), sha256_of(path)),
                    )
                    uploaded += 1
    finally:
        conn.close()

    ntfy = os.environ.get("NTFY_URL")
    if ntfy:
        requests.post(ntfy, data=("archived %s (%d files)" % (job_name, uploaded)).encode(), timeout=10)
    print("archived %d files of %s to b2://%s/%s/%s" % (uploaded, job_name, bucket, category, job_name))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # shown in the SABnzbd history
        print("archive failed: %s" % exc)
        sys.exit(1)
