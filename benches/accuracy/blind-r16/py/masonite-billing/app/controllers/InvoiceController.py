import os

import boto3
import requests
from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response
from sqlalchemy import text

from app.db import SessionLocal

PAYMENTS_URL = os.environ.get("PAYMENTS_URL", "https://payments.example.com/v1")
PAYMENTS_KEY = os.environ.get("PAYMENTS_KEY", "")
PDF_BUCKET = os.environ.get("PDF_BUCKET", "billing-invoice-pdfs")


class InvoiceController(Controller):
    def show(self, request: Request, response: Response):
        invoice_id = request.param("id")
        with SessionLocal() as session:
            row = session.execute(
                text("SELECT id, customer_id, amount_cents, status FROM invoices WHERE id = :id"),
                {"id": invoice_id},
            ).first()
        if row is None:
            return response.json({"error": "not found"}, status=404)
        return dict(row._mapping)

    def pay(self, request: Request, response: Response):
        invoice_id = request.param("id")
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {PAYMENTS_KEY}"
        charge = http.post(
            f"{PAYMENTS_URL}/charges",
            json={"invoice": invoice_id, "source": request.input("source")},
            timeout=15,
        )
        if charge.status_code != 201:
            return response.json({"error": charge.json().get("message")}, status=402)
        with SessionLocal.begin() as session:
            session.execute(
                text("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = :id"),
                {"id": invoice_id},
            )
        return {"status": "paid", "charge": charge.json()["id"]}

    def pdf(self, request: Request, response: Response):
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        url = s3.generate_presigned_url(
            "get_object",
            Params={"Bucket": PDF_BUCKET, "Key": f"invoices/{request.param('id')}.pdf"},
            ExpiresIn=300,
        )
        return response.redirect(url)
