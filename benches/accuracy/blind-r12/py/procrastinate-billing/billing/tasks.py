import logging
import os
from datetime import date

import httpx
from sqlalchemy import select

from .app import app
from .db import SessionLocal
from .ledger import settled_since
from .models import Account, Invoice

log = logging.getLogger(__name__)

MAILER_URL = os.environ.get("MAILER_URL", "https://mailer.internal.example.com")


@app.task(queue="invoices", retry=3)
def generate_invoice(account_id: int, period: str) -> int:
    session = SessionLocal()
    account = session.get(Account, account_id)
    if account is None:
        log.warning("account %s vanished before invoicing", account_id)
        return 0
    invoice = Invoice(account_id=account.id, amount=account.monthly_price, period=period)
    session.add(invoice)
    session.commit()
    send_invoice_email.defer(invoice_id=invoice.id)
    return invoice.id


@app.task(queue="email", retry=5)
def send_invoice_email(invoice_id: int) -> None:
    with SessionLocal() as session:
        invoice = session.get(Invoice, invoice_id)
        email = invoice.account.email
        amount = str(invoice.amount)
    client = httpx.Client(base_url=MAILER_URL, timeout=15.0)
    resp = client.post(
        "/send",
        json={"to": email, "template": "invoice", "vars": {"amount": amount, "invoice_id": invoice_id}},
    )
    resp.raise_for_status()


@app.periodic(cron="0 2 1 * *")
@app.task(queue="invoices", queueing_lock="monthly-run")
def monthly_run(timestamp: int) -> None:
    period = date.today().strftime("%Y-%m")
    with SessionLocal() as session:
        ids = session.scalars(select(Account.id).where(Account.plan != "free")).all()
    for account_id in ids:
        generate_invoice.defer(account_id=account_id, period=period)


@app.periodic(cron="*/10 * * * *")
@app.task(queue="sync")
async def sync_settlements(timestamp: int) -> None:
    with SessionLocal() as session:
        open_invoices = session.scalars(select(Invoice).where(Invoice.status == "open")).all()
        for inv in open_invoices:
            rows = await settled_since(inv.account_id, timestamp - 86400)
            if any(r["amount"] >= inv.amount for r in rows):
                inv.status = "paid"
        session.commit()
