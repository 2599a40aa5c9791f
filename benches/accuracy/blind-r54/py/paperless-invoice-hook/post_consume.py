#!/usr/bin/env python3
"""Paperless-ngx post-consume hook: books scanned supplier invoices.

Configured as PAPERLESS_POST_CONSUME_SCRIPT=/usr/src/hooks/post_consume.py.
Paperless-ngx starts this script as a new process for every document it
consumes, passing the document through DOCUMENT_* environment variables,
and the process exits when the document is handled.
"""
import logging
import os
import sys
import time

import psycopg
import requests

from invoice_fields import extract_invoice_fields

log = logging.getLogger("post_consume")

PAPERLESS_URL = os.environ.get("PAPERLESS_URL", "http://localhost:8000")
PAPERLESS_TOKEN = os.environ["PAPERLESS_HOOK_TOKEN"]
LEDGER_DSN = os.environ.get("LEDGER_DSN", "postgresql://paperless_hook@ledger-db/ledger")
INVOICE_TAG = os.environ.get("INVOICE_TAG", "invoice")


def connect_ledger(attempts=5):
    """The ledger database may be restarting during the nightly backup."""
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(LEDGER_DSN, connect_timeout=5)
            break
        except psycopg.OperationalError as exc:
            if attempt == attempts:
                raise
            log.warning("ledger unavailable (%s), retry %d/%d", exc, attempt, attempts)
            time.sleep(2 * attempt)
    return conn


def handle_document(http, ledger, doc_id):
    doc = http.get(f"{PAPERLESS_URL}/api/documents/{doc_id}/", timeout=15).json()
    tag_names = os.environ.get("DOCUMENT_TAGS", "").split(",")
    if INVOICE_TAG not in tag_names:
        log.info("document %s is not tagged %r, skipping", doc_id, INVOICE_TAG)
        return

    fields = extract_invoice_fields(doc["content"])
    with ledger.cursor() as cur:
        cur.execute(
            """
            INSERT INTO supplier_invoices
                (paperless_id, supplier, invoice_no, issued_on, total, currency, archive_url)
            VALUES (%s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (paperless_id) DO NOTHING
            """,
            (
                doc_id,
                os.environ.get("DOCUMENT_CORRESPONDENT") or fields.supplier,
                fields.invoice_no,
                fields.issued_on,
                fields.total,
                fields.currency,
                os.environ.get("DOCUMENT_DOWNLOAD_URL"),
            ),
        )
    ledger.commit()

    note = f"Booked to ledger as {fields.invoice_no} ({fields.total} {fields.currency})"
    http.post(
        f"{PAPERLESS_URL}/api/documents/{doc_id}/notes/", json={"note": note}, timeout=15
    ).raise_for_status()


def main():
    logging.basicConfig(level=logging.INFO, format="post_consume: %(message)s")
    doc_id = int(os.environ["DOCUMENT_ID"])
    log.info("handling %s (%s)", doc_id, os.environ.get("DOCUMENT_ORIGINAL_FILENAME"))

    with requests.Session() as http:
        http.headers["Authorization"] = f"Token {PAPERLESS_TOKEN}"
        with connect_ledger() as ledger:
            handle_document(http, ledger, doc_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
