"""Event handlers. Fusion calls notify() once per event occurrence."""
import os
import tempfile
import traceback

import adsk.core
import adsk.fusion
import boto3

from . import db, history

BUCKET = os.environ.get("MECHTOOLS_STEP_BUCKET", "mech-step-exports")
REGION = os.environ.get("AWS_REGION", "eu-central-1")

_handlers = []


def keep(handler):
    # Fusion only holds weak references: handlers must stay referenced.
    _handlers.append(handler)


def release_all():
    _handlers.clear()


def _user_name(app):
    return app.currentUser.userName if app.currentUser else "unknown"


class DocumentSavedHandler(adsk.core.DocumentEventHandler):
    def __init__(self):
        super().__init__()

    def notify(self, args):
        try:
            event_args = adsk.core.DocumentEventArgs.cast(args)
            doc = event_args.document
            app = adsk.core.Application.get()
            history.log_save(doc.name, doc.dataFile.versionNumber if doc.dataFile else 0, _user_name(app))
        except Exception:
            adsk.core.Application.get().log("save log failed: " + traceback.format_exc())


class ExportCommandCreatedHandler(adsk.core.CommandCreatedEventHandler):
    def __init__(self):
        super().__init__()

    def notify(self, args):
        event_args = adsk.core.CommandCreatedEventArgs.cast(args)
        on_execute = ExportExecuteHandler()
        event_args.command.execute.add(on_execute)
        keep(on_execute)


class ExportExecuteHandler(adsk.core.CommandEventHandler):
    def __init__(self):
        super().__init__()

    def notify(self, args):
        app = adsk.core.Application.get()
        ui = app.userInterface
        try:
            design = adsk.fusion.Design.cast(app.activeProduct)
            if not design:
                ui.messageBox("No active Fusion design")
                return
            doc = app.activeDocument
            version = doc.dataFile.versionNumber if doc.dataFile else 0
            local = os.path.join(tempfile.gettempdir(), "{}_v{}.step".format(doc.name, version))

            export_mgr = design.exportManager
            options = export_mgr.createSTEPExportOptions(local, design.rootComponent)
            export_mgr.execute(options)

            key = "{}/{}_v{}.step".format(doc.name, doc.name, version)
            s3 = boto3.client("s3", region_name=REGION)
            s3.upload_file(local, BUCKET, key)
            os.remove(local)

            db.record_export(doc.name, version, key, _user_name(app))
            ui.messageBox("Uploaded s3://{}/{}".format(BUCKET, key))
        except Exception:
            ui.messageBox("Export failed:\n{}".format(traceback.format_exc()))
