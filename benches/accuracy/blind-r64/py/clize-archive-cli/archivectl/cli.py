"""Archive old event partitions to S3 as gzip'd NDJSON.

    archivectl export 2024-03 --bucket events-archive
    archivectl verify 2024-03 --bucket events-archive
    archivectl prune 400 --dry-run
"""
import gzip
import hashlib
import io
import json
import os
import sys

from clize import run

from archivectl.clients import connect_db, make_checksum_session, make_s3

BATCH = 5000
CHECKSUM_API = os.environ.get("CHECKSUM_API", "https://ledger.internal/checksums")


def export(month: str, *, bucket: str = "events-archive", batch_size: int = BATCH):
    """Export one month of events to S3 in batches.

    :param month: YYYY-MM partition to export
    :param bucket: target S3 bucket
    :param batch_size: rows per object
    """
    s3 = make_s3()
    part = 0
    with connect_db() as conn, conn.cursor(name="export_cursor") as cur:
        cur.itersize = batch_size
        cur.execute(
            "SELECT id, occurred_at, kind, payload FROM events "
            "WHERE to_char(occurred_at, 'YYYY-MM') = %s ORDER BY id",
            (month,),
        )
        while rows := cur.fetchmany(batch_size):
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
                for row_id, occurred_at, kind, payload in rows:
                    gz.write(json.dumps({"id": row_id, "at": occurred_at.isoformat(),
                                         "kind": kind, "payload": payload}).encode() + b"\n")
            s3.put_object(Bucket=bucket, Key=f"{month}/part-{part:05d}.ndjson.gz", Body=buf.getvalue())
            part += 1
            print(f"  part {part}: {len(rows)} rows", file=sys.stderr)
    print(f"exported {month} in {part} parts")


def verify(month: str, *, bucket: str = "events-archive"):
    """Compare S3 object digests with the checksum ledger.

    :param month: YYYY-MM partition to check
    :param bucket: S3 bucket holding the archive
    """
    s3 = make_s3()
    bad = 0
    with make_checksum_session() as ledger:
        paginator = s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=bucket, Prefix=f"{month}/"):
            for obj in page.get("Contents", []):
                body = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
                digest = hashlib.sha256(body).hexdigest()
                expected = ledger.get(f"{CHECKSUM_API}/{bucket}/{obj['Key']}", timeout=10).json()["sha256"]
                if digest != expected:
                    bad += 1
                    print(f"MISMATCH {obj['Key']}")
    print("ok" if bad == 0 else f"{bad} mismatched objects")
    return 0 if bad == 0 else 1


def prune(days: int, *, dry_run: bool = False):
    """Delete archived events older than DAYS.

    :param days: age threshold in days
    :param dry_run: only count rows
    """
    conn = connect_db()
    try:
        with conn.transaction():
            if dry_run:
                n = conn.execute(
                    "SELECT count(*) FROM events WHERE archived AND occurred_at < now() - make_interval(days => %s)",
                    (days,),
                ).fetchone()[0]
            else:
                n = conn.execute(
                    "DELETE FROM events WHERE archived AND occurred_at < now() - make_interval(days => %s)",
                    (days,),
                ).rowcount
    finally:
        conn.close()
    print(f"{'would delete' if dry_run else 'deleted'} {n} rows")


def main():
    run(export, verify, prune)


if __name__ == "__main__":
    main()
