import io

import boto3
import requests
from sqlalchemy import text
from tasktiger.retry import exponential
from tasktiger.schedule import periodic
from weasyprint import HTML

from .config import INVOICE_BUCKET, PSP_API, PSP_KEY
from .db import SessionLocal
from .tiger import tiger


@tiger.task(queue="invoices", retry_method=exponential(30, 2, 5))
def render_invoice(invoice_id):
    session = SessionLocal()
    invoice = session.execute(
        text("SELECT id, customer_name, total_cents, html FROM invoices WHERE id = :id"), {"id": invoice_id}
    ).one()
    pdf = HTML(string=invoice.html).write_pdf()
    session.execute(text("UPDATE invoices SET rendered_at = now() WHERE id = :id"), {"id": invoice_id})
    session.commit()
    tiger.delay(archive_pdf, args=(invoice_id,), kwargs={"size": len(pdf)})
    return len(pdf)


@tiger.task(queue="invoices")
def archive_pdf(invoice_id, size=None):
    with SessionLocal() as session:
        html = session.execute(text("SELECT html FROM invoices WHERE id = :id"), {"id": invoice_id}).scalar_one()
    s3 = boto3.client("s3")
    s3.upload_fileobj(io.BytesIO(HTML(string=html).write_pdf()), INVOICE_BUCKET, f"invoices/{invoice_id}.pdf")


@tiger.task(queue="periodic", schedule=periodic(minutes=15), unique=True)
def sync_payments():
    psp = requests.Session()
    psp.headers.update({"Authorization": f"Bearer {PSP_KEY}"})
    resp = psp.get(f"{PSP_API}/payments", params={"status": "succeeded", "limit": 100}, timeout=20)
    resp.raise_for_status()
    with SessionLocal.begin() as session:
        for p in resp.json()["data"]:
            session.execute(
                text("UPDATE invoices SET paid_at = now() WHERE psp_reference = :ref AND paid_at IS NULL"),
                {"ref": p["reference"]},
            )


@tiger.task(queue="payments")
def mark_refunded(invoice_id, amount_cents):
    with SessionLocal.begin() as session:
        session.execute(
            text("UPDATE invoices SET refunded_cents = refunded_cents + :a WHERE id = :id"),
            {"a": amount_cents, "id": invoice_id},
        )
