import oslo_messaging
from oslo_log import log as logging
from sqlalchemy import create_engine, text

from quota_agent.conf import CONF

LOG = logging.getLogger(__name__)


class InstanceUsageEndpoint:
    """Writes an entry to the usage ledger for every instance create/delete."""

    filter_rule = oslo_messaging.NotificationFilter(
        event_type=r"^compute\.instance\.(create|delete)\.end$"
    )

    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        engine = create_engine(CONF.quota.usage_connection)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO usage_ledger (project_id, instance_id, event, vcpus, memory_mb, ts) "
                    "VALUES (:p, :i, :e, :c, :m, :ts)"
                ),
                {
                    "p": payload["tenant_id"],
                    "i": payload["instance_id"],
                    "e": event_type,
                    "c": payload.get("vcpus", 0),
                    "m": payload.get("memory_mb", 0),
                    "ts": metadata["timestamp"],
                },
            )
        LOG.debug("ledger: %s %s", event_type, payload["instance_id"])
        return oslo_messaging.NotificationResult.HANDLED
