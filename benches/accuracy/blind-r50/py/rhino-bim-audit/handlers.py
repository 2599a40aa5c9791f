"""RhinoCommon event handlers (called on Rhino's UI thread)."""
import os

import requests
from sqlalchemy import text

import audit
import db

REVIEW_API = os.environ.get("STRUCT_REVIEW_API", "https://reviews.internal")
REVIEW_KEY = os.environ.get("STRUCT_REVIEW_KEY", "")

_UPSERT = text(
    "INSERT INTO model_objects (object_id, document, layer, object_type) "
    "VALUES (:id, :doc, :layer, :type) "
    "ON CONFLICT (object_id) DO UPDATE SET layer = EXCLUDED.layer"
)


def on_object_added(sender, e):
    obj = e.TheObject
    doc = obj.Document
    layer = doc.Layers[obj.Attributes.LayerIndex].FullPath
    with db.engine.begin() as conn:
        conn.execute(
            _UPSERT,
            {
                "id": str(obj.Id),
                "doc": doc.Name or "untitled",
                "layer": layer,
                "type": str(obj.ObjectType),
            },
        )
    if layer.startswith("STRUCT::"):
        http = requests.Session()
        http.headers["X-Api-Key"] = REVIEW_KEY
        http.post(
            f"{REVIEW_API}/api/reviews",
            json={"object_id": str(obj.Id), "layer": layer, "document": doc.Name},
            timeout=5,
        )


def on_object_deleted(sender, e):
    audit.record("delete", str(e.ObjectId))


def on_document_saved(sender, e):
    audit.record("save", e.FileName or "untitled")
