"""hip-file event callbacks: Houdini calls on_hip_event for every load/save/clear."""
import getpass
import os

import hou
from sqlalchemy import text

from savetracker.services import get_session_factory

RECORD_SAVE = text(
    "INSERT INTO hip_saves (shot, hip_path, artist, houdini_version, node_count, saved_at) "
    "VALUES (:shot, :hip_path, :artist, :version, :nodes, now())"
)
RECORD_OPEN = text(
    "INSERT INTO hip_opens (hip_path, artist, opened_at) VALUES (:hip_path, :artist, now())"
)


def _shot_from_path(path):
    # /mnt/projects/<show>/shots/<seq>/<shot>/houdini/<file>.hip
    parts = path.split("/")
    return parts[parts.index("shots") + 2] if "shots" in parts else None


def on_hip_event(event_type):
    if event_type not in (hou.hipFileEventType.AfterSave, hou.hipFileEventType.AfterLoad):
        return
    path = hou.hipFile.path()
    if path.endswith("untitled.hip"):
        return
    try:
        Session = get_session_factory()
        with Session() as session:
            if event_type == hou.hipFileEventType.AfterSave:
                session.execute(RECORD_SAVE, {
                    "shot": _shot_from_path(path),
                    "hip_path": path,
                    "artist": getpass.getuser(),
                    "version": hou.applicationVersionString(),
                    "nodes": len(hou.node("/obj").allSubChildren()),
                })
            else:
                session.execute(RECORD_OPEN, {"hip_path": path, "artist": getpass.getuser()})
            session.commit()
    except Exception as exc:
        print("savetracker: could not record {} for {}: {}".format(event_type, os.path.basename(path), exc))


def register():
    if on_hip_event not in hou.hipFile.eventCallbacks():
        hou.hipFile.addEventCallback(on_hip_event)
