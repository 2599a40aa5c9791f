import os
import sys
import traceback

import adsk.core

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib", "_vendor"))

from .lib import handlers  # noqa: E402

CMD_ID = "mechtools_step_export"
PANEL_ID = "SolidScriptsAddinsPanel"

_app = _ui = _saved_handler = None


def run(context):
    global _app, _ui, _saved_handler
    try:
        _app = adsk.core.Application.get()
        _ui = _app.userInterface

        cmd_def = _ui.commandDefinitions.itemById(CMD_ID)
        if not cmd_def:
            cmd_def = _ui.commandDefinitions.addButtonDefinition(
                CMD_ID, "Export STEP to S3", "Export the active design and upload it", ""
            )
        created = handlers.ExportCommandCreatedHandler()
        cmd_def.commandCreated.add(created)
        handlers.keep(created)

        panel = _ui.allToolbarPanels.itemById(PANEL_ID)
        if panel and not panel.controls.itemById(CMD_ID):
            panel.controls.addCommand(cmd_def)

        _saved_handler = handlers.DocumentSavedHandler()
        _app.documentSaved.add(_saved_handler)
        handlers.keep(_saved_handler)
    except Exception:
        if _ui:
            _ui.messageBox("STEP export add-in failed to start:\n{}".format(traceback.format_exc()))


def stop(context):
    try:
        if _app and _saved_handler:
            _app.documentSaved.remove(_saved_handler)
        panel = _ui.allToolbarPanels.itemById(PANEL_ID)
        control = panel.controls.itemById(CMD_ID) if panel else None
        if control:
            control.deleteMe()
        cmd_def = _ui.commandDefinitions.itemById(CMD_ID)
        if cmd_def:
            cmd_def.deleteMe()
        handlers.release_all()
    except Exception:
        if _ui:
            _ui.messageBox("STEP export add-in failed to stop:\n{}".format(traceback.format_exc()))
