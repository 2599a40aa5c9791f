"""Watches the scanner drop folder and ships every finished file to S3.

    drop-watcher /srv/scanner/outbox
"""
import hashlib
import logging
import os
import sys

import boto3
import pyinotify

from db import make_engine, make_sessionmaker, record_scan

log = logging.getLogger("drop-watcher")
BUCKET = os.environ.get("SCANS_BUCKET", "acme-scans")


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class DropHandler(pyinotify.ProcessEvent):
    def my_init(self, s3=None, Session=None, root=None):
        self.s3 = s3
        self.Session = Session
        self.root = root

    def _ship(self, path):
        if path.endswith((".part", ".tmp")) or os.path.basename(path).startswith("."):
            return
        key = os.path.relpath(path, self.root)
        self.s3.upload_file(path, BUCKET, key)
        record_scan(self.Session, BUCKET, key, os.path.getsize(path), _sha256(path))
        os.remove(path)
        log.info("shipped %s", key)

    def process_IN_CLOSE_WRITE(self, event):
        self._ship(event.pathname)

    def process_IN_MOVED_TO(self, event):
        self._ship(event.pathname)


def main():
    logging.basicConfig(level=logging.INFO)
    root = sys.argv[1] if len(sys.argv) > 1 else "/srv/scanner/outbox"

    s3 = boto3.client("s3")
    engine = make_engine()
    Session = make_sessionmaker(engine)

    wm = pyinotify.WatchManager()
    handler = DropHandler(s3=s3, Session=Session, root=root)
    notifier = pyinotify.Notifier(wm, handler)
    wm.add_watch(root, pyinotify.IN_CLOSE_WRITE | pyinotify.IN_MOVED_TO, rec=True, auto_add=True)
    try:
        notifier.loop()
    finally:
        notifier.stop()
        engine.dispose()


if __name__ == "__main__":
    main()
