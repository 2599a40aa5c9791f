"""DataHub Actions pipeline action: mirror PII tags and ownership changes
from DataHub into the governance catalog, and ping the data-steward chat.

Run with:  datahub actions -c steward_pipeline.yaml
"""
import json
import logging

from datahub_actions.action.action import Action
from datahub_actions.event.event_envelope import EventEnvelope
from datahub_actions.pipeline.pipeline_context import PipelineContext

from steward_action.catalog import get_conn, record_owner_change, upsert_classification
from steward_action.notify import post_to_chat

log = logging.getLogger(__name__)


class StewardSyncAction(Action):
    @classmethod
    def create(cls, config_dict: dict, ctx: PipelineContext) -> "Action":
        return cls(config_dict, ctx)

    def __init__(self, config: dict, ctx: PipelineContext):
        self.ctx = ctx
        self.dsn = config["catalog_dsn"]
        self.webhook = config.get("chat_webhook")
        self.pii_tags = set(config.get("pii_tags", []))

    def act(self, event: EventEnvelope) -> None:
        change = event.event
        urn = change.entityUrn
        actor = change.auditStamp.actor if change.auditStamp else "urn:li:corpuser:unknown"

        if change.category == "TAG" and change.modifier not in self.pii_tags:
            return

        conn = get_conn(self.dsn)
        try:
            if change.category == "TAG":
                upsert_classification(conn, urn, change.modifier, actor, removed=change.operation == "REMOVE")
            elif change.category == "OWNER":
                record_owner_change(conn, urn, change.modifier, change.operation)
            conn.commit()
        except Exception:
            conn.rollback()
            log.exception("failed to sync %s for %s", change.category, urn)
            raise
        finally:
            conn.close()

        if self.webhook and change.category in ("TAG", "OWNER"):
            params = json.dumps(change.parameters or {})
            post_to_chat(
                self.webhook,
                f"{change.category} {change.operation} on {urn}: {change.modifier} by {actor} {params}",
            )

    def close(self) -> None:
        log.info("steward action shutting down")
