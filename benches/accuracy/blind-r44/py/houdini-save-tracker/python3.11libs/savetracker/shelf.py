"""Shelf tool: archive the current .hip to S3 (runs on every click)."""
import getpass
import os
import time

import hou
from sqlalchemy import text

from savetracker.services import BUCKET, get_s3, get_session_factory


def archive_current_hip():
    if hou.hipFile.hasUnsavedChanges():
        if hou.ui.displayMessage("Save before archiving?", buttons=("Save", "Cancel")) != 0:
            return
        hou.hipFile.save()

    path = hou.hipFile.path()
    key = "{}/{}/{}".format(getpass.getuser(), time.strftime("%Y%m%d-%H%M%S"), os.path.basename(path))

    with hou.InterruptableOperation("Uploading to S3", open_interrupt_dialog=True):
        get_s3().upload_file(path, BUCKET, key)

    with get_session_factory().begin() as session:
        session.execute(
            text("INSERT INTO hip_archives (hip_path, s3_key, artist) VALUES (:p, :k, :a)"),
            {"p": path, "k": key, "a": getpass.getuser()},
        )
    hou.ui.displayMessage("Archived to s3://{}/{}".format(BUCKET, key))
