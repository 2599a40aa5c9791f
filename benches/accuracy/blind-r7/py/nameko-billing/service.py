import json
import os

import boto3
import requests
from nameko.events import EventDispatcher, event_handler
from nameko.rpc import rpc
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from models import Invoice

engine = create_engine(os.environ["BILLING_DB_URL"], pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)

PAYMENTS_API = os.environ.get("PAYMENTS_API", "https://payments.internal/api")
ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "billing-archive")


class BillingService:
    name = "billing"

    dispatch = EventDispatcher()

    def __init__(self):
        self.gateway = requests.Session()
        self.gateway.headers.update({"Authorization": f"Bearer {os.environ['PAYMENTS_TOKEN']}"})

    @rpc
    def create_invoice(self, customer_id, amount_cents):
        with SessionLocal() as session:
            invoice = Invoice(customer_id=customer_id, amount_cents=amount_cents)
            session.add(invoice)
            session.commit()
            invoice_id = invoice.id
        resp = self.gateway.post(
            f"{PAYMENTS_API}/charges",
            json={"reference": f"inv-{invoice_id}", "amount": amount_cents},
            timeout=10,
        )
        resp.raise_for_status()
        self.dispatch("invoice_created", {"invoice_id": invoice_id, "customer_id": customer_id})
        return invoice_id

    @rpc
    def list_invoices(self, customer_id, status=None):
        session = SessionLocal()
        query = session.query(Invoice).filter(Invoice.customer_id == customer_id)
        if status:
            query = query.filter(Invoice.status == status)
        return [inv.to_dict() for inv in query.order_by(Invoice.created_at.desc()).limit(100)]

    @rpc
    def mark_paid(self, invoice_id):
        with SessionLocal.begin() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                return False
            invoice.status = "paid"
        return True

    @event_handler("orders", "order_shipped")
    def archive_invoice(self, payload):
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        s3.put_object(
            Bucket=ARCHIVE_BUCKET,
            Key=f"invoices/{payload['invoice_id']}.json",
            Body=json.dumps(payload).encode("utf-8"),
            ContentType="application/json",
        )
