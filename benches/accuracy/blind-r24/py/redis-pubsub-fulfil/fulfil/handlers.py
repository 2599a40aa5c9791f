"""Pub/sub message handlers; redis-py's worker thread calls them once per message."""
import json
import logging

from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from .webhooks import TenantWebhooks

log = logging.getLogger(__name__)


class FulfilmentHandlers:
    def __init__(self, session_factory: sessionmaker, webhooks: TenantWebhooks):
        self.session_factory = session_factory
        self.webhooks = webhooks

    def on_order_created(self, message: dict) -> None:
        event = json.loads(message["data"])
        with self.session_factory.begin() as session:
            session.execute(
                text(
                    "INSERT INTO pick_lists (order_id, tenant_id, lines, status)"
                    " VALUES (:o, :t, CAST(:l AS jsonb), 'queued')"
                    " ON CONFLICT (order_id) DO NOTHING"
                ),
                {"o": event["order_id"], "t": event["tenant_id"],
                 "l": json.dumps(event["lines"])},
            )
        self._notify(event["tenant_id"], "fulfilment.queued", event["order_id"])

    def on_order_cancelled(self, message: dict) -> None:
        event = json.loads(message["data"])
        with self.session_factory() as session:
            result = session.execute(
                text("UPDATE pick_lists SET status = 'cancelled'"
                     " WHERE order_id = :o AND status IN ('queued', 'picking')"),
                {"o": event["order_id"]},
            )
            session.commit()
        if result.rowcount:
            self._notify(event["tenant_id"], "fulfilment.cancelled", event["order_id"])

    def _notify(self, tenant_id: str, kind: str, order_id: str) -> None:
        try:
            self.webhooks.client_for(tenant_id).post(
                "/events", json={"type": kind, "order_id": order_id}
            )
        except Exception:
            log.exception("webhook %s for tenant %s failed", kind, tenant_id)
