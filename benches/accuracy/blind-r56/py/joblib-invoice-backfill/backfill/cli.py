"""invoice-backfill: run once per archive import, then thrown away.

    invoice-backfill --since 2019-01-01 --jobs 8
"""
import argparse
import logging
import os
from collections import Counter

import boto3
import httpx
import psycopg
from joblib import Parallel, delayed
from psycopg_pool import ConnectionPool

from backfill.workers import classify_chunk, process_invoice

log = logging.getLogger("invoice-backfill")

DSN = os.environ.get("INVOICES_DSN", "postgresql://backfill@db.internal/finance")
OCR_URL = os.environ.get("OCR_URL", "http://ocr.internal:8000")


def pending_ids(since):
    with psycopg.connect(DSN) as conn:
        rows = conn.execute(
            "SELECT id FROM invoices WHERE received_on >= %s AND ocr_done_at IS NULL "
            "ORDER BY id",
            (since,),
        ).fetchall()
    return [r[0] for r in rows]


def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True)
    parser.add_argument("--jobs", type=int, default=8)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    ids = pending_ids(args.since)
    log.info("%d invoices to process", len(ids))

    s3 = boto3.client("s3")
    limits = httpx.Limits(max_connections=args.jobs, max_keepalive_connections=args.jobs)
    with ConnectionPool(DSN, min_size=2, max_size=args.jobs) as pool, \
            httpx.Client(base_url=OCR_URL, timeout=60.0, limits=limits) as ocr:
        results = Parallel(n_jobs=args.jobs, prefer="threads")(
            delayed(process_invoice)(pool, ocr, s3, invoice_id) for invoice_id in ids
        )
        log.info("ocr: %s", Counter(status for _, status in results))

        with pool.connection() as conn:
            texts = conn.execute(
                "SELECT id, ocr_text FROM invoices WHERE id = ANY(%s)", (ids,)
            ).fetchall()

        # CPU-bound keyword matching goes to loky processes
        classified = Parallel(n_jobs=4, backend="loky")(
            delayed(classify_chunk)(chunk) for chunk in chunks(texts, 500)
        )

        with pool.connection() as conn, conn.cursor() as cur:
            cur.executemany(
                "UPDATE invoices SET category = %s WHERE id = %s",
                [(category, invoice_id) for part in classified for invoice_id, category in part],
            )
    log.info("done")


if __name__ == "__main__":
    main()
