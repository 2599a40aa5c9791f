"""Polls the EXPORT_OUTBOX table and pushes invoices to the EDI partner."""
import time

import requests
import sentry_sdk

import db
import settings
from observability import init_sentry

http = requests.Session()
http.headers["Accept"] = "application/json"


def claim_batch(limit=50):
    with db.pool.acquire() as conn:
        cur = conn.cursor()
        cur.execute(
            """
            SELECT o.outbox_id, i.invoice_no, i.customer_id, i.total_cents, i.currency
              FROM export_outbox o JOIN invoices i ON i.invoice_no = o.invoice_no
             WHERE o.status = 'PENDING'
             ORDER BY o.outbox_id
             FETCH FIRST :lim ROWS ONLY
             FOR UPDATE SKIP LOCKED
            """,
            lim=limit,
        )
        cols = [d[0].lower() for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
        if rows:
            cur.executemany(
                "UPDATE export_outbox SET status = 'CLAIMED' WHERE outbox_id = :1",
                [(r["outbox_id"],) for r in rows],
            )
        conn.commit()
        return rows


def mark(outbox_id, status):
    with db.pool.acquire() as conn:
        conn.cursor().execute(
            "UPDATE export_outbox SET status = :s, updated_at = SYSTIMESTAMP WHERE outbox_id = :id",
            s=status,
            id=outbox_id,
        )
        conn.commit()


def export(invoice):
    resp = http.post(f"{settings.PARTNER_API}/invoices", json=invoice, timeout=10)
    resp.raise_for_status()


def main():
    init_sentry()
    while True:
        batch = claim_batch()
        if not batch:
            time.sleep(settings.POLL_SECONDS)
            continue
        for invoice in batch:
            try:
                export(invoice)
                mark(invoice["outbox_id"], "SENT")
            except Exception:
                with sentry_sdk.new_scope() as scope:
                    scope.set_extra("invoice", invoice)
                    sentry_sdk.capture_exception()
                mark(invoice["outbox_id"], "FAILED")


if __name__ == "__main__":
    main()
