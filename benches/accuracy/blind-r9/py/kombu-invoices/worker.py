import logging
import os

import redis
from kombu import Connection, Exchange, Queue
from kombu.mixins import ConsumerMixin

from db import Invoice, SessionLocal
from reporting.database import record_revenue, report_engine

log = logging.getLogger("invoices")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

billing = Exchange("billing", type="topic", durable=True)
invoice_queue = Queue("invoices.paid", exchange=billing, routing_key="invoice.paid")


class InvoiceWorker(ConsumerMixin):
    def __init__(self, connection: Connection):
        self.connection = connection

    def get_consumers(self, Consumer, channel):
        return [
            Consumer(
                queues=[invoice_queue],
                callbacks=[self.on_invoice_paid],
                accept=["json"],
                prefetch_count=10,
            )
        ]

    def on_invoice_paid(self, body, message):
        session = SessionLocal()
        invoice = session.get(Invoice, body["invoice_id"])
        if invoice is None:
            log.warning("unknown invoice %s", body["invoice_id"])
            message.reject()
            return
        invoice.status = "paid"
        session.commit()

        counters = redis.Redis.from_url(REDIS_URL)
        counters.incrby(f"paid:{invoice.customer_id}", invoice.amount_cents)

        with report_engine.begin() as conn:
            record_revenue(conn, invoice.customer_id, invoice.amount_cents)

        message.ack()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with Connection(os.environ["AMQP_URL"], heartbeat=30) as conn:
        InvoiceWorker(conn).run()
