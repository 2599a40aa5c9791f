import logging
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from .alarms import open_alarm
from .clients import events_collection
from .storage import Sample, engine

log = logging.getLogger(__name__)


class HistorianHandler:
    """asyncua subscription handler: called for every data change / event."""

    def __init__(self, node_names):
        self.node_names = node_names

    def datachange_notification(self, node, val, data):
        source_ts = data.monitored_item.Value.SourceTimestamp or datetime.now(timezone.utc)
        session = Session(engine)
        session.add(Sample(node_id=node.nodeid.to_string(), value=float(val), source_ts=source_ts))
        session.commit()

    def event_notification(self, event):
        fields = event.get_event_props_as_fields_dict()
        source = str(fields["SourceName"].Value)
        message = fields["Message"].Value.Text
        severity = int(fields["Severity"].Value)

        events = events_collection()
        events.insert_one(
            {
                "source": source,
                "message": message,
                "severity": severity,
                "received_at": datetime.now(timezone.utc),
            }
        )
        if severity >= 700:
            open_alarm(source, message, 3)

    def status_change_notification(self, status):
        log.warning("subscription status changed: %s", status)
