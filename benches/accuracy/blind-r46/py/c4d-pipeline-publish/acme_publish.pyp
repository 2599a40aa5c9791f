"""Acme pipeline tools for Cinema 4D 2024: Publish command + scene watcher."""
import os
import sys

import c4d
from c4d import documents, gui, plugins

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "libs"))
sys.path.insert(0, os.path.dirname(__file__))

from pipeline import db, storage  # noqa: E402

PUBLISH_ID = 1064211   # registered at plugincafe
WATCHER_ID = 1064212


class PublishCommand(plugins.CommandData):
    """Extensions > Acme > Publish Scene. Runs each time the artist clicks it."""

    def Execute(self, doc):
        path = doc.GetDocumentPath()
        name = doc.GetDocumentName()
        if not path:
            gui.MessageDialog("Save the scene before publishing.")
            return True

        shot_code = os.path.splitext(name)[0]
        target = os.path.join(path, "publish", name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        documents.SaveDocument(doc, target, c4d.SAVEDOCUMENTFLAGS_DONTADDTORECENTLIST, c4d.FORMAT_C4DEXPORT)

        version = db.record_publish(shot_code, target, os.environ.get("USERNAME", "artist"))
        if version is None:
            gui.MessageDialog(f"{shot_code} is locked by production; publish not recorded.")
        else:
            gui.MessageDialog(f"Published {shot_code} v{version:03d}")
        return True


class SceneWatcher(plugins.MessageData):
    """Marks the scene dirty on edits and syncs preview renders every minute."""

    def __init__(self):
        self.dirty = False

    def GetTimer(self):
        return 60 * 1000

    def CoreMessage(self, id, bc):
        if id == c4d.EVMSG_CHANGE:
            self.dirty = True
        elif id == c4d.MSG_TIMER and self.dirty:
            doc = documents.GetActiveDocument()
            preview_dir = os.path.join(doc.GetDocumentPath() or "", "previews")
            if os.path.isdir(preview_dir):
                storage.sync_previews(preview_dir, os.path.splitext(doc.GetDocumentName())[0])
            self.dirty = False
        return True


if __name__ == "__main__":
    plugins.RegisterCommandPlugin(
        id=PUBLISH_ID,
        str="Acme Publish Scene",
        info=0,
        icon=None,
        help="Save a publish copy and register it with the pipeline",
        dat=PublishCommand(),
    )
    plugins.RegisterMessagePlugin(id=WATCHER_ID, str="", info=0, dat=SceneWatcher())
