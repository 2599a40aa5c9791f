"""Inngest functions. Each one runs once per event (or per cron tick), and every
step.run callback may be re-invoked by Inngest on retries."""
import os
from decimal import Decimal

import httpx
import inngest
import psycopg

from billing.client import inngest_client
from billing.db import Invoice, SessionLocal

STRIPE_API = "https://api.stripe.com/v1"
STRIPE_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
LEDGER_DSN = os.environ.get("LEDGER_DSN", "postgresql://ledger:ledger@ledger-db:5432/ledger")
MAILER_URL = os.environ.get("MAILER_URL", "http://mailer.internal:8080")

_mailer = httpx.Client(base_url=MAILER_URL, timeout=10.0)


def _fetch_invoice(stripe_id: str) -> dict:
    stripe = httpx.Client(base_url=STRIPE_API, auth=(STRIPE_KEY, ""), timeout=20.0)
    resp = stripe.get(f"/invoices/{stripe_id}")
    resp.raise_for_status()
    return resp.json()


def _save_invoice(data: dict) -> int:
    session = SessionLocal()
    invoice = Invoice(
        stripe_id=data["id"],
        customer_id=data["customer"],
        amount_due=Decimal(data["amount_due"]) / 100,
        currency=data["currency"],
        status=data["status"],
        raw=data,
    )
    merged = session.merge(invoice)
    session.commit()
    return merged.id


@inngest_client.create_function(
    fn_id="sync-finalized-invoice",
    trigger=inngest.TriggerEvent(event="stripe/invoice.finalized"),
    retries=5,
)
def sync_finalized_invoice(ctx: inngest.Context, step: inngest.StepSync) -> dict:
    stripe_id = ctx.event.data["invoice_id"]
    data = step.run("fetch-invoice", lambda: _fetch_invoice(stripe_id))
    local_id = step.run("save-invoice", lambda: _save_invoice(data))
    step.send_event(
        "announce",
        inngest.Event(name="billing/invoice.synced", data={"stripe_id": stripe_id, "local_id": local_id}),
    )
    return {"stripe_id": stripe_id, "local_id": local_id}


@inngest_client.create_function(
    fn_id="send-receipt",
    trigger=inngest.TriggerEvent(event="billing/invoice.synced"),
)
def send_receipt(ctx: inngest.Context, step: inngest.StepSync) -> None:
    def _load() -> dict:
        with SessionLocal() as session:
            inv = session.query(Invoice).filter_by(stripe_id=ctx.event.data["stripe_id"]).one()
            return {"customer": inv.customer_id, "amount": str(inv.amount_due), "currency": inv.currency}

    def _send(summary: dict) -> None:
        resp = _mailer.post("/send", json={"template": "receipt", "data": summary})
        resp.raise_for_status()

    summary = step.run("load-invoice", _load)
    step.run("send-mail", _send, summary)


@inngest_client.create_function(
    fn_id="reconcile-ledger",
    trigger=inngest.TriggerCron(cron="*/15 * * * *"),
)
def reconcile_ledger(ctx: inngest.Context, step: inngest.StepSync) -> dict:
    def _unposted() -> list[str]:
        conn = psycopg.connect(LEDGER_DSN, autocommit=True)
        rows = conn.execute(
            "SELECT stripe_id FROM ledger_entries WHERE posted_at IS NULL ORDER BY created_at LIMIT 500"
        ).fetchall()
        return [r[0] for r in rows]

    pending = step.run("find-unposted", _unposted)
    for stripe_id in pending:
        step.send_event(
            f"resync-{stripe_id}",
            inngest.Event(name="stripe/invoice.finalized", data={"invoice_id": stripe_id}),
        )
    return {"requeued": len(pending)}


ALL = [sync_finalized_invoice, send_receipt, reconcile_ledger]
