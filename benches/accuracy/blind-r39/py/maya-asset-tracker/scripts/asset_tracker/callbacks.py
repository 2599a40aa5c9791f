"""scriptJob / menu callbacks; each runs many times per Maya session."""
import getpass
import os

import maya.api.OpenMaya as om
import maya.cmds as cmds
import requests
from sqlalchemy import text
from sqlalchemy.orm import Session

from asset_tracker import clients


def _scene_path():
    return cmds.file(query=True, sceneName=True) or None


def on_scene_saved():
    path = _scene_path()
    if path is None:
        return
    references = cmds.file(query=True, reference=True) or []
    with Session(clients.get_engine()) as session, session.begin():
        save_id = session.execute(
            text("INSERT INTO scene_saves (path, artist) VALUES (:path, :artist) RETURNING id"),
            {"path": path, "artist": getpass.getuser()},
        ).scalar_one()
        for ref in references:
            session.execute(
                text("INSERT INTO scene_references (save_id, ref_path) VALUES (:save_id, :ref)"),
                {"save_id": save_id, "ref": cmds.referenceQuery(ref, filename=True, withoutCopyNumber=True)},
            )


def on_scene_opened():
    path = _scene_path()
    if path is None:
        return
    with clients.get_engine().connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.code, a.status FROM assets a JOIN scene_assets sa ON sa.asset_id = a.id"
                " WHERE sa.scene_path = :path AND a.status IN ('omitted', 'on_hold')"
            ),
            {"path": path},
        ).all()
    for code, status in rows:
        om.MGlobal.displayWarning("Asset %s in this scene is %s" % (code, status))


def send_to_review(*_):
    path = _scene_path()
    if path is None:
        cmds.warning("Save the scene before sending it to review.")
        return
    try:
        resp = clients.get_http().post(
            os.environ["REVIEW_API_URL"] + "/submissions",
            json={"scene": path, "artist": getpass.getuser()},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        cmds.warning("Review submission failed: %s" % exc)
        return
    om.MGlobal.displayInfo("Submitted for review: #%s" % resp.json()["id"])
