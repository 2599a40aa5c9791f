"""RabbitMQ consumer that renders invoices to HTML and stores them in S3."""
import logging
import os
import time

import amqpstorm
import boto3
from amqpstorm import AMQPConnectionError
from jinja2 import Environment, FileSystemLoader, select_autoescape

import audit
import db

log = logging.getLogger("invoice-renderer")

AMQP_URI = os.environ.get("AMQP_URI", "amqp://guest:guest@rabbitmq:5672/%2F?heartbeat=60")
QUEUE = "invoices.render"
BUCKET = os.environ.get("INVOICE_BUCKET", "acme-invoices")

templates = Environment(
    loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")),
    autoescape=select_autoescape(["html"]),
)


class InvoiceRenderer:
    def __call__(self, message):
        body = message.json()
        invoice_id = body["invoice_id"]

        conn = db.pool.getconn()
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, number, customer_name, total_cents, currency, status "
                "FROM invoices WHERE id = %s FOR UPDATE",
                (invoice_id,),
            )
            invoice = cur.fetchone()
            if invoice is None or invoice[5] == "void":
                log.warning("invoice %s missing or void, dropping", invoice_id)
                message.reject(requeue=False)
                return

            cur.execute(
                "SELECT description, qty, unit_cents FROM invoice_lines WHERE invoice_id = %s",
                (invoice_id,),
            )
            lines = cur.fetchall()
            html = templates.get_template("invoice.html").render(invoice=invoice, lines=lines)

            s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
            key = f"invoices/{invoice[1]}.html"
            s3.put_object(Bucket=BUCKET, Key=key, Body=html.encode(), ContentType="text/html")

            cur.execute(
                "UPDATE invoices SET rendered_key = %s, status = 'rendered' WHERE id = %s",
                (key, invoice_id),
            )
        conn.commit()
        db.pool.putconn(conn)

        audit.record("rendered", invoice_id, {"key": key})
        message.ack()


def consume_forever():
    while True:
        try:
            connection = amqpstorm.UriConnection(AMQP_URI)
            channel = connection.channel()
            channel.queue.declare(QUEUE, durable=True)
            channel.basic.qos(prefetch_count=8)
            channel.basic.consume(InvoiceRenderer(), QUEUE, no_ack=False)
            log.info("consuming %s", QUEUE)
            channel.start_consuming()
        except AMQPConnectionError:
            log.exception("lost broker connection, reconnecting in 5s")
            time.sleep(5)
        except KeyboardInterrupt:
            break
    db.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    consume_forever()
