"""STOMP listener: one on_message call per invoice event from ActiveMQ."""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from decimal import Decimal

import boto3
import stomp
from sqlalchemy.exc import IntegrityError

import ledger
from db import Invoice, ProcessedMessage, SessionLocal

log = logging.getLogger("billing.listener")

AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")
RECEIPT_SENDER = os.environ.get("RECEIPT_SENDER", "billing@example.com")


class InvoiceListener(stomp.ConnectionListener):
    def __init__(self, conn: stomp.Connection):
        self.conn = conn

    def on_message(self, frame) -> None:
        message_id = frame.headers["message-id"]
        subscription = frame.headers["subscription"]
        try:
            event = json.loads(frame.body)
            if event["type"] == "invoice.paid":
                self._invoice_paid(message_id, event)
            elif event["type"] == "invoice.voided":
                self._invoice_voided(message_id, event)
            else:
                log.warning("ignoring event type %s", event["type"])
        except Exception:
            log.exception("failed to handle %s", message_id)
            self.conn.nack(message_id, subscription)
            return
        self.conn.ack(message_id, subscription)

    def on_error(self, frame) -> None:
        log.error("broker error: %s", frame.body)

    def on_disconnected(self) -> None:
        log.warning("disconnected from broker")

    def _invoice_paid(self, message_id: str, event: dict) -> None:
        with SessionLocal() as session:
            try:
                session.add(ProcessedMessage(message_id=message_id))
                session.flush()
            except IntegrityError:
                log.info("duplicate delivery %s", message_id)
                return
            invoice = session.get(Invoice, event["invoice_id"], with_for_update=True)
            if invoice is None or invoice.status == "paid":
                session.commit()
                return
            invoice.status = "paid"
            invoice.paid_at = datetime.now(timezone.utc)
            session.commit()

        ledger.post_payment(invoice.id, invoice.customer_id, Decimal(invoice.amount), invoice.currency)
        self._send_receipt(invoice)

    def _invoice_voided(self, message_id: str, event: dict) -> None:
        with SessionLocal.begin() as session:
            invoice = session.get(Invoice, event["invoice_id"])
            if invoice is not None and invoice.status == "open":
                invoice.status = "void"

    def _send_receipt(self, invoice: Invoice) -> None:
        ses = boto3.client("sesv2", region_name=AWS_REGION)
        ses.send_email(
            FromEmailAddress=RECEIPT_SENDER,
            Destination={"ToAddresses": [invoice.customer_email]},
            Content={
                "Simple": {
                    "Subject": {"Data": f"Receipt for invoice {invoice.id}"},
                    "Body": {
                        "Text": {
                            "Data": f"We received {invoice.amount} {invoice.currency}. Thank you!"
                        }
                    },
                }
            },
        )
