"""Callbacks registered from menu.py; each runs inside the artist's interactive Nuke session."""
import getpass
import os

import boto3
import nuke
import psycopg2

from studio_pipeline import shotdb

REVIEW_BUCKET = os.environ.get("STUDIO_REVIEW_BUCKET", "studio-review-proxies")


def on_script_save():
    script = nuke.root().name()
    show, shot = shotdb.parse_script_path(script)
    if shot is None:
        return
    conn = psycopg2.connect(os.environ["STUDIO_SHOTDB_DSN"], connect_timeout=3)
    with conn:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO script_saves (show_code, shot_code, script_path, artist)"
                " VALUES (%s, %s, %s, %s)",
                (show, shot, script, getpass.getuser()),
            )


def on_write_created():
    node = nuke.thisNode()
    show, shot = shotdb.parse_script_path(nuke.root().name())
    if shot is None:
        return
    info = shotdb.shot_info(show, shot)
    if info:
        node["file"].setValue("%s/%s/comp/%s_comp.####.exr" % (info["render_root"], shot, shot))
        nuke.root()["first_frame"].setValue(info["frame_in"])
        nuke.root()["last_frame"].setValue(info["frame_out"])


def after_render():
    node = nuke.thisNode()
    path = node["file"].value()
    if not path.endswith(".mov"):
        return
    show, shot = shotdb.parse_script_path(nuke.root().name())
    s3 = boto3.client("s3", region_name="us-west-2")
    s3.upload_file(path, REVIEW_BUCKET, "%s/%s/%s" % (show, shot, os.path.basename(path)))


def show_shot_info():
    show, shot = shotdb.parse_script_path(nuke.root().name())
    info = shotdb.shot_info(show, shot) if shot else None
    nuke.message(str(info) if info else "No shot information for this script.")
