"""Callbacks wired up by init_unreal.py."""
import getpass
import os
import time

import boto3
import unreal

import auditdb
import catalog

ARCHIVE_BUCKET = os.environ.get("SOURCE_ARCHIVE_BUCKET", "studio-source-archive")
FLUSH_EVERY = 30.0

_pending = []
_last_flush = time.monotonic()


def _source_file(asset):
    data = asset.get_editor_property("asset_import_data")
    if data is None:
        return None
    files = data.extract_filenames()
    return files[0] if files else None


def on_asset_post_import(factory, created_object):
    """Called by the editor for every asset an import creates or re-imports."""
    if created_object is None:
        return
    asset_path = created_object.get_path_name()
    asset_class = created_object.get_class().get_name()
    source = _source_file(created_object)

    if source and os.path.isfile(source):
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        key = "imports/{}/{}".format(getpass.getuser(), os.path.basename(source))
        s3.upload_file(source, ARCHIVE_BUCKET, key)

    catalog.record_import(asset_path, asset_class, source)
    _pending.append(
        {"asset_path": asset_path, "asset_class": asset_class,
         "source_file": source, "user_name": getpass.getuser()}
    )


def on_tick(delta_seconds):
    global _last_flush
    now = time.monotonic()
    if now - _last_flush < FLUSH_EVERY:
        return
    _last_flush = now
    flush()


def flush():
    rows = list(_pending)
    _pending.clear()
    try:
        auditdb.write_events(rows)
    except Exception as exc:  # keep the editor alive
        unreal.log_warning("asset_audit: flush failed: {}".format(exc))
        _pending.extend(rows)
