"""ftrack.update callback: mirror task status changes to the review tracker."""
import logging
import os

import requests

from db import pool, record_status_change

log = logging.getLogger("ftrack-bridge.status")

TRACKER_URL = os.environ.get("TRACKER_URL", "https://tracker.studio.internal/api/v2")
TRACKER_TOKEN = os.environ.get("TRACKER_TOKEN", "")
WATCHED_STATUSES = {"Pending Review", "Approved", "Client Approved", "Retake"}


def _status_name(session, status_id):
    if not status_id:
        return None
    status = session.get("Status", status_id)
    return status["name"] if status else None


def on_entity_update(session, event):
    """Called by the event hub for every ftrack.update event."""
    entities = event["data"].get("entities", [])
    user = event["source"].get("user", {}).get("username", "unknown")

    http = requests.Session()
    http.headers.update({"Authorization": f"Bearer {TRACKER_TOKEN}"})

    for entity in entities:
        if entity.get("entityType") != "task" or "statusid" not in entity.get("keys", []):
            continue
        change = entity.get("changes", {}).get("statusid", {})
        new_status = _status_name(session, change.get("new"))
        if new_status not in WATCHED_STATUSES:
            continue
        old_status = _status_name(session, change.get("old"))

        task = session.get("Task", entity["entityId"])
        shot = task["parent"]
        shot_code = shot["name"]

        conn = pool.getconn()
        with conn.cursor() as cur:
            cur.execute("SELECT tracker_id FROM shot_links WHERE shot_code = %s", (shot_code,))
            row = cur.fetchone()
        if row is None:
            log.warning("shot %s has no tracker link, skipping", shot_code)
            continue

        resp = http.patch(
            f"{TRACKER_URL}/shots/{row[0]}",
            json={"status": new_status, "task": task["name"], "updated_by": user},
            timeout=10,
        )
        resp.raise_for_status()
        record_status_change(conn, task["id"], shot_code, old_status, new_status, user)
        pool.putconn(conn)
        log.info("%s: %s -> %s (%s)", shot_code, old_status, new_status, user)
