import getpass
import os

import boto3
from krita import Extension, InfoObject, Krita
from PyQt5.QtWidgets import QMessageBox

from . import pipeline


class ShotPublisher(Extension):
    def __init__(self, parent):
        super().__init__(parent)
        self.artist = getpass.getuser()

    def setup(self):
        notifier = Krita.instance().notifier()
        notifier.setActive(True)
        notifier.imageSaved.connect(self._on_image_saved)

    def createActions(self, window):
        action = window.createAction("shot_publisher_publish", "Publish Paintover", "tools/scripts")
        action.triggered.connect(self.publish_current)

    # -- runs every time any document is saved (Ctrl+S, autosave-to-file, export) --
    def _on_image_saved(self, filename):
        parsed = pipeline.parse_shot(filename)
        if parsed is None:
            return
        show, shot = parsed
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        key = f"wip/{show}/{shot}/{os.path.basename(filename)}"
        s3.upload_file(filename, pipeline.BUCKET, key, ExtraArgs={"Metadata": {"artist": self.artist}})

    # -- runs on each click of Tools > Scripts > Publish Paintover --
    def publish_current(self):
        doc = Krita.instance().activeDocument()
        session = pipeline.SessionLocal()
        if doc is None or not doc.fileName():
            QMessageBox.warning(None, "Shot Publisher", "Save the document inside a shot folder first.")
            return
        parsed = pipeline.parse_shot(doc.fileName())
        if parsed is None:
            QMessageBox.warning(None, "Shot Publisher", "File name does not look like <show>_<seq>_<shot>_paintover.")
            return
        show, shot = parsed
        version = pipeline.next_version(session, show, shot)
        out_path = os.path.join(os.path.dirname(doc.fileName()), f"{show}_{shot}_paintover_v{version:03d}.png")
        doc.setBatchmode(True)
        doc.exportImage(out_path, InfoObject())
        doc.setBatchmode(False)
        key = f"publish/{show}/{shot}/v{version:03d}.png"
        pipeline.s3_client().upload_file(out_path, pipeline.BUCKET, key)
        session.add(pipeline.PublishedVersion(show=show, shot=shot, version=version, s3_key=key, artist=self.artist))
        session.commit()
        session.close()
        QMessageBox.information(None, "Shot Publisher", f"Published {show} {shot} v{version:03d}")
