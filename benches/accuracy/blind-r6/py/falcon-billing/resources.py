from decimal import Decimal

import falcon
from sqlalchemy import select
from sqlalchemy.orm import Session

from database import fetch_all
from db import SessionLocal, engine
from models import Invoice


class InvoiceItem:
    def on_get(self, req: falcon.Request, resp: falcon.Response, invoice_id: int) -> None:
        session = Session(engine)
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise falcon.HTTPNotFound(description=f"invoice {invoice_id} not found")
        resp.media = invoice.to_dict()


class InvoiceCollection:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        customer_id = req.get_param_as_int("customer_id", required=True)
        with SessionLocal() as session:
            rows = session.scalars(
                select(Invoice).where(Invoice.customer_id == customer_id).order_by(Invoice.created_at.desc())
            ).all()
            resp.media = [inv.to_dict() for inv in rows]

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = req.get_media()
        with SessionLocal() as session, session.begin():
            invoice = Invoice(
                customer_id=body["customer_id"],
                number=body["number"],
                amount=Decimal(str(body["amount"])),
                currency=body.get("currency", "EUR"),
            )
            session.add(invoice)
        resp.status = falcon.HTTP_201
        resp.media = invoice.to_dict()


class MonthlyRevenue:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = fetch_all(
            "SELECT date_trunc('month', created_at) AS month, currency, sum(amount)::text AS total "
            "FROM invoices WHERE status = 'paid' GROUP BY 1, 2 ORDER BY 1 DESC LIMIT :n",
            n=req.get_param_as_int("months", default=12),
        )
