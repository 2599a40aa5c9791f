"""Custom ftrack action: push editorial notes of the selected versions."""
import logging
import os

import ftrack_api

log = logging.getLogger("ftrack-bridge.editorial")

ACTION_ID = "push-editorial-notes"


def discover_push_notes(event):
    selection = event["data"].get("selection", [])
    if not selection or any(s["entityType"] != "assetversion" for s in selection):
        return None
    return {
        "items": [
            {
                "label": "Push editorial notes",
                "description": "Copy cut notes onto the selected versions",
                "actionIdentifier": ACTION_ID,
            }
        ]
    }


def launch_push_notes(event):
    """Runs each time an artist clicks the action in the ftrack web UI."""
    selection = event["data"].get("selection", [])
    user_id = event["source"]["user"]["id"]

    session = ftrack_api.Session(
        server_url=os.environ["FTRACK_SERVER"],
        api_user=os.environ["FTRACK_API_USER"],
        api_key=os.environ["FTRACK_API_KEY"],
        auto_connect_event_hub=False,
    )
    user = session.get("User", user_id)

    pushed = 0
    for item in selection:
        version = session.get("AssetVersion", item["entityId"])
        cut_notes = session.query(
            'Note where parent_id is "{0}" and category.name is "Editorial"'.format(
                version["asset"]["parent"]["id"]
            )
        ).all()
        for note in cut_notes:
            version.create_note(note["content"], author=user)
            pushed += 1
    session.commit()

    log.info("pushed %d editorial notes for %s", pushed, user["username"])
    return {"success": True, "message": f"Pushed {pushed} notes"}
