"""Substance 3D Painter plugin: publish exported textures and save versions."""
import getpass
import os

import boto3
import substance_painter.event as sp_event
import substance_painter.export as sp_export
import substance_painter.logging as sp_log
import substance_painter.project as sp_project
import substance_painter.ui as sp_ui
from PySide2 import QtWidgets

from . import history, pipeline_db

BUCKET = os.environ.get("TEXTURE_BUCKET", "studio-textures")
REGION = os.environ.get("AWS_REGION", "us-west-2")


def on_export_ended(e):
    """Runs once per texture export (ExportTexturesEnded)."""
    if e.status != sp_export.ExportStatus.Success:
        sp_log.warning("texture_publisher: export status {}".format(e.status))
        return
    project = pipeline_db.project_key(sp_project.file_path() or "untitled")
    published = []
    for stack, paths in e.textures.items():
        for path in paths:
            s3 = boto3.client("s3", region_name=REGION)
            key = "{}/{}/{}".format(project, "_".join(stack), os.path.basename(path))
            s3.upload_file(path, BUCKET, key, ExtraArgs={"ContentType": "image/png"})
            published.append(key)
    sp_log.info("texture_publisher: uploaded {} maps".format(len(published)))


def on_project_saved(e):
    """Runs on every save of the project (ProjectSaved)."""
    path = sp_project.file_path()
    conn = pipeline_db.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO painter_versions (project, path, artist, saved_at)"
                " VALUES (%s, %s, %s, now())",
                (pipeline_db.project_key(path), path, getpass.getuser()),
            )
    finally:
        conn.close()


_actions = []


def start_plugin():
    action = QtWidgets.QAction("Version history", triggered=history.show_history)
    sp_ui.add_action(sp_ui.ApplicationMenu.File, action)
    _actions.append(action)
    sp_event.DISPATCHER.connect(sp_event.ExportTexturesEnded, on_export_ended)
    sp_event.DISPATCHER.connect(sp_event.ProjectSaved, on_project_saved)
    sp_log.info("texture_publisher: started")


def close_plugin():
    sp_event.DISPATCHER.disconnect(sp_event.ExportTexturesEnded, on_export_ended)
    sp_event.DISPATCHER.disconnect(sp_event.ProjectSaved, on_project_saved)
    for action in _actions:
        sp_ui.delete_ui_element(action)
    _actions.clear()
    history.close_pool()
