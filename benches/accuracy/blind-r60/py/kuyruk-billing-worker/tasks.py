"""Kuyruk tasks.  Producers (the API and the metering sidecar) call
record_usage.send_to_queue(...) / close_invoice(...); the worker started from
the Procfile runs one task invocation per RabbitMQ message."""

import logging
import os
from datetime import datetime

from kuyruk import Config, Kuyruk
from sqlalchemy import text

import db
from billing import pricing, store

log = logging.getLogger(__name__)

config = Config()
config.from_pyfile(os.environ.get("KUYRUK_CONFIG", "kuyruk_config.py"))
kuyruk = Kuyruk(config=config)


@kuyruk.task(queue="usage")
def record_usage(customer_id: int, meter: str, quantity: int, occurred_at: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO usage_events (customer_id, meter, quantity, occurred_at) "
                "VALUES (:c, :m, :q, :t)"
            ),
            {"c": customer_id, "m": meter, "q": quantity, "t": datetime.fromisoformat(occurred_at)},
        )


@kuyruk.task(queue="billing", retry=2)
def close_invoice(customer_id: int) -> None:
    invoice = store.fetch_open_invoice(customer_id)
    if invoice is None:
        log.info("customer %s has no open invoice", customer_id)
        return

    with db.engine.connect() as conn:
        usage = conn.execute(
            text(
                "SELECT meter, sum(quantity) FROM usage_events "
                "WHERE customer_id = :c AND occurred_at >= :s AND occurred_at < :e "
                "GROUP BY meter"
            ),
            {"c": customer_id, "s": invoice.period_start, "e": invoice.period_end},
        ).all()

    total = store.finalize_invoice(invoice.id, pricing.price_lines(usage))
    log.info("invoice %s for customer %s closed at %s", invoice.id, customer_id, total)
