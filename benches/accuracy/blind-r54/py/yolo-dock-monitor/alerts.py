"""Near-miss alerts to the site safety channel (Mattermost-compatible webhook)
and the incident log service."""
import logging
import os
from datetime import datetime, timezone

import httpx

log = logging.getLogger("dock.alerts")

INCIDENT_API = os.environ.get("INCIDENT_API", "https://incidents.internal")
WEBHOOK_URL = os.environ.get("SAFETY_WEBHOOK_URL", "")
API_TOKEN = os.environ.get("INCIDENT_API_TOKEN", "")


def _message(dock_id, labels, snapshot_uri):
    people = labels.count("person")
    forklifts = labels.count("forklift")
    return (
        f":warning: Near miss at {dock_id}: {people} person(s) next to "
        f"{forklifts} moving forklift(s). Snapshot: {snapshot_uri}"
    )


def send_alert(dock_id, labels, snapshot_uri):
    """Called for every near miss detected on the stream."""
    client = httpx.Client(
        base_url=INCIDENT_API,
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        timeout=5.0,
    )
    payload = {
        "site": os.environ.get("SITE", "warehouse-north"),
        "location": dock_id,
        "kind": "near_miss",
        "detected": labels,
        "evidence": snapshot_uri,
        "at": datetime.now(timezone.utc).isoformat(),
    }
    try:
        client.post("/v1/incidents", json=payload).raise_for_status()
        if WEBHOOK_URL:
            client.post(WEBHOOK_URL, json={"text": _message(dock_id, labels, snapshot_uri)})
    except httpx.HTTPError as exc:
        log.error("could not report near miss at %s: %s", dock_id, exc)
