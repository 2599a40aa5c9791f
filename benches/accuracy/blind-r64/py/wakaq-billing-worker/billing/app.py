import logging
import os
from datetime import date, timedelta
from decimal import Decimal

import boto3
from jinja2 import Environment, PackageLoader
from sqlalchemy import text
from wakaq import CronTask, Queue, WakaQ
from weasyprint import HTML

from billing import ledger
from billing.db import SessionLocal

log = logging.getLogger("billing")

Q_INVOICES = "invoices"
Q_MAINT = "maintenance"

wakaq = WakaQ(
    queues=[
        Queue(Q_INVOICES, priority=0, max_retries=3),
        Queue(Q_MAINT, priority=5),
    ],
    host=os.environ.get("REDIS_HOST", "localhost"),
    port=6379,
    concurrency="cores*2",
    soft_timeout=120,
    hard_timeout=timedelta(minutes=3),
    schedules=[
        CronTask("15 0 * * *", "close_previous_day", queue=Q_MAINT),
        CronTask("0 6 1 * *", "enqueue_monthly_invoices", queue=Q_MAINT),
    ],
)

templates = Environment(loader=PackageLoader("billing", "templates"))
INVOICE_BUCKET = os.environ.get("INVOICE_BUCKET", "acme-invoices")


@wakaq.task(queue=Q_INVOICES)
def generate_invoice(account_id: int, period: str):
    with SessionLocal() as session:
        account = session.execute(
            text("SELECT id, name, email FROM accounts WHERE id = :id"), {"id": account_id}
        ).one()
        lines = session.execute(
            text("SELECT description, qty, unit_price FROM usage_lines "
                 "WHERE account_id = :id AND period = :p"),
            {"id": account_id, "p": period},
        ).all()
        total = sum((Decimal(l.qty) * l.unit_price for l in lines), Decimal("0"))
        invoice_id = session.execute(
            text("INSERT INTO invoices (account_id, period, total) VALUES (:a, :p, :t) RETURNING id"),
            {"a": account_id, "p": period, "t": total},
        ).scalar_one()
        session.commit()

    html = templates.get_template("invoice.html").render(account=account, lines=lines, total=total)
    pdf = HTML(string=html).write_pdf()

    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    key = f"{period}/{account_id}/{invoice_id}.pdf"
    s3.put_object(Bucket=INVOICE_BUCKET, Key=key, Body=pdf, ContentType="application/pdf")

    ledger.post_invoice(account_id, invoice_id, total)
    log.info("invoice %s for account %s uploaded to s3://%s/%s", invoice_id, account_id, INVOICE_BUCKET, key)


@wakaq.task(queue=Q_MAINT)
def enqueue_monthly_invoices():
    period = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    with SessionLocal() as session:
        ids = session.execute(text("SELECT id FROM accounts WHERE active")).scalars().all()
    for account_id in ids:
        generate_invoice.delay(account_id, period)
    log.info("queued %d invoices for %s", len(ids), period)


@wakaq.task(queue=Q_MAINT)
def close_previous_day():
    n = ledger.close_day(date.today() - timedelta(days=1))
    log.info("closed %d ledger entries", n)
