import datetime as dt
import hashlib
import os

import lldb
import requests

from . import clients

CRASH_SYMBOLS = ("abort", "__assert_rtn", "__assert_fail", "__stack_chk_fail")
DB_NAME = "qa"


def __lldb_init_module(debugger, internal_dict):
    debugger.HandleCommand(f"command script add -f {__name__}.arm crashtrack-arm")
    debugger.HandleCommand(f"command script add -f {__name__}.report crashreport")


def arm(debugger, command, exe_ctx, result, internal_dict):
    target = exe_ctx.GetTarget()
    if not target.IsValid():
        target = debugger.GetSelectedTarget()
    if not target.IsValid():
        result.SetError("no target; run `target create` first")
        return
    for symbol in CRASH_SYMBOLS:
        bp = target.BreakpointCreateByName(symbol)
        bp.SetScriptCallbackFunction(f"{__name__}.on_crash")
    result.AppendMessage(f"crashtrack armed on {len(CRASH_SYMBOLS)} symbols")


# runs every time one of the crash breakpoints is hit
def on_crash(frame, bp_loc, internal_dict):
    thread = frame.GetThread()
    target = thread.GetProcess().GetTarget()
    names = [f.GetFunctionName() or hex(f.GetPC()) for f in thread.frames[:12]]
    signature = hashlib.sha1("\n".join(names).encode()).hexdigest()
    now = dt.datetime.now(dt.timezone.utc)

    crashes = clients.mongo()[DB_NAME]["crashes"]
    doc = crashes.find_one_and_update(
        {"signature": signature},
        {
            "$inc": {"count": 1},
            "$set": {"last_seen": now, "binary": target.GetExecutable().GetFilename()},
            "$setOnInsert": {"first_seen": now, "stack": names},
        },
        upsert=True,
        return_document=True,
    )
    try:
        clients.http().post(
            clients.TRIAGE_URL,
            json={"signature": signature, "count": doc["count"], "rig": os.uname().nodename},
            timeout=5,
        )
    except requests.RequestException:
        pass
    return True  # stop so the engineer sees the crash


def report(debugger, command, exe_ctx, result, internal_dict):
    limit = int(command.strip() or 10)
    crashes = clients.mongo()[DB_NAME]["crashes"]
    for doc in crashes.find().sort("count", -1).limit(limit):
        top = doc["stack"][1] if len(doc["stack"]) > 1 else doc["stack"][0]
        result.AppendMessage(f"{doc['count']:6d}  {doc['signature'][:10]}  {top}")
