"""SymSync — Binary Ninja plugin entry point (loaded once per UI session)."""
import hashlib
import os

import httpx
from binaryninja import (BackgroundTaskThread, BinaryDataNotification,
                         PluginCommand, log_error, log_info)

from . import store

SYMSERVER_URL = os.environ.get("SYMSERVER_URL", "https://symserver.lab")
TOKEN = os.environ.get("SYMSERVER_TOKEN", "")


def function_hash(func):
    h = hashlib.sha256()
    for block in sorted(func.basic_blocks, key=lambda b: b.start):
        h.update(func.view.read(block.start, block.length))
    return h.hexdigest()


class SymbolPuller(BinaryDataNotification):
    """Names newly discovered functions from the shared store."""

    def function_added(self, view, func):
        if not func.name.startswith("sub_"):
            return
        digest = function_hash(func)
        cache = store.seen_cache()
        if cache.sismember("symsync:miss", digest):
            return
        db = store.get_db()
        doc = db.functions.find_one({"hash": digest}, {"name": 1})
        if doc is None:
            cache.sadd("symsync:miss", digest)
            return
        func.name = doc["name"]
        log_info("symsync: named {:#x} {}".format(func.start, doc["name"]))


def push_function(bv, func):
    payload = {
        "hash": function_hash(func),
        "name": func.name,
        "type": str(func.type),
        "arch": bv.arch.name,
        "binary": bv.file.filename,
    }
    with httpx.Client(base_url=SYMSERVER_URL, headers={"Authorization": "Bearer " + TOKEN}) as client:
        resp = client.post("/v1/functions", json=payload, timeout=10)
    if resp.status_code >= 400:
        log_error("symsync: push failed: {}".format(resp.text))
    else:
        log_info("symsync: pushed {}".format(func.name))


class EnableSync(BackgroundTaskThread):
    def __init__(self, bv):
        super().__init__("SymSync: attaching", can_cancel=False)
        self.bv = bv

    def run(self):
        self.bv.register_notification(SymbolPuller())
        log_info("symsync: live sync enabled for {}".format(self.bv.file.filename))


PluginCommand.register(
    "SymSync\\Enable live sync",
    "Name new functions from the team symbol store as analysis finds them",
    lambda bv: EnableSync(bv).start(),
)
PluginCommand.register_for_function(
    "SymSync\\Push function",
    "Publish this function's name and type to the symbol server",
    push_function,
)
