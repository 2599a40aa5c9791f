"""Per-event handling. Every function here receives the long-lived clients
built in main(); nothing in this module creates a client."""
import logging

import requests
from sqlalchemy.orm import sessionmaker

from auditor.models import from_docker_event

log = logging.getLogger("auditor.handlers")

ALERT_ACTIONS = {"die", "oom", "kill"}


def handle_event(
    event: dict,
    *,
    host: str,
    sessions: sessionmaker,
    http: requests.Session,
    webhook_url: str | None,
) -> None:
    if event.get("Type") != "container":
        return
    record = from_docker_event(host, event)
    with sessions.begin() as session:
        session.add(record)

    if webhook_url and record.action in ALERT_ACTIONS and record.exit_code not in (0, None):
        text = (
            f":rotating_light: `{record.container_name}` on `{host}` {record.action} "
            f"(exit {record.exit_code}, image `{record.image}`)"
        )
        try:
            http.post(webhook_url, json={"text": text}, timeout=5).raise_for_status()
        except requests.RequestException:
            log.exception("failed to post alert for %s", record.container_id)
