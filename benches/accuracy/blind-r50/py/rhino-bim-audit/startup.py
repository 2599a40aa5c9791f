#! python3
# r: requests, sqlalchemy, psycopg2-binary
"""Rhino 8 startup script for the BIM audit trail.

Added to Tools > Options > General > "Run these commands every time Rhino
starts" as:  _-ScriptEditor _Run "%APPDATA%\\acme\\rhino-bim-audit\\startup.py"
The handlers then stay subscribed for the whole Rhino session.
"""
import Rhino
import scriptcontext as sc

import handlers

STICKY_KEY = "acme.bim_audit.registered"


def register():
    if sc.sticky.get(STICKY_KEY):
        return  # already subscribed in this Rhino session
    Rhino.RhinoDoc.AddRhinoObject += handlers.on_object_added
    Rhino.RhinoDoc.DeleteRhinoObject += handlers.on_object_deleted
    Rhino.RhinoDoc.EndSaveDocument += handlers.on_document_saved
    sc.sticky[STICKY_KEY] = True
    Rhino.RhinoApp.WriteLine("BIM audit: event handlers registered")


register()
