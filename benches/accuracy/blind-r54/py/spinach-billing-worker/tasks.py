"""Spinach tasks. Each job runs in one of the worker threads."""
import logging
from datetime import datetime, timedelta, timezone

import httpx
from spinach import Tasks

import providers
from db import Invoice, Session, due_invoice_ids

log = logging.getLogger("billing.tasks")

tasks = Tasks()

# Set by worker.main() before the workers start.
engine_ref = None


@tasks.task(name="billing:charge", max_retries=3)
def charge_invoice(invoice_id: int):
    with Session() as session, session.begin():
        invoice = session.get(Invoice, invoice_id, with_for_update=True)
        if invoice is None or invoice.status != "open":
            return

        invoice.attempts += 1
        client = providers.client_for(invoice.tenant)
        try:
            resp = client.post(
                "/v1/charges",
                json={
                    "customer": invoice.customer_ref,
                    "amount": str(invoice.amount),
                    "currency": invoice.currency,
                    "idempotency_key": f"inv-{invoice.id}-{invoice.attempts}",
                },
            )
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("charge failed for invoice %s: %s", invoice_id, exc)
            if invoice.attempts >= 5:
                invoice.status = "failed"
            return

        invoice.status = "paid"
        invoice.charged_at = datetime.now(timezone.utc)


@tasks.task(name="billing:sweep", periodicity=timedelta(minutes=10))
def sweep_due_invoices():
    with Session() as session:
        ids = due_invoice_ids(session)
    for invoice_id in ids:
        engine_ref.schedule("billing:charge", invoice_id)
    log.info("scheduled %d charges", len(ids))
