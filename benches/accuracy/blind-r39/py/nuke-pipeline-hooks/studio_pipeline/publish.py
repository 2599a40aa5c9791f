"""Publishing renders as versions for review."""
import getpass
import os

import nuke
from sqlalchemy import create_engine, text

from studio_pipeline.shotdb import parse_script_path

_engine = create_engine(os.environ["STUDIO_SHOTDB_URL"], pool_size=3, pool_recycle=1800)


def publish_selected():
    writes = nuke.selectedNodes("Write")
    if not writes:
        nuke.message("Select a Write node to publish.")
        return
    show, shot = parse_script_path(nuke.root().name())
    if shot is None:
        nuke.message("This script is not inside a shot folder.")
        return
    with _engine.begin() as conn:
        for node in writes:
            version = conn.execute(
                text(
                    "INSERT INTO versions (show_code, shot_code, path, artist, first_frame, last_frame)"
                    " VALUES (:show, :shot, :path, :artist, :first, :last) RETURNING id"
                ),
                {
                    "show": show,
                    "shot": shot,
                    "path": node["file"].value(),
                    "artist": getpass.getuser(),
                    "first": int(nuke.root()["first_frame"].value()),
                    "last": int(nuke.root()["last_frame"].value()),
                },
            ).scalar_one()
            node["label"].setValue("published v%d" % version)
    nuke.message("Published %d version(s)." % len(writes))
