import getpass
import time

import ida_idp
import ida_kernwin
import idc

from . import store

AUTO_PREFIXES = ("sub_", "loc_", "unk_", "off_", "byte_", "word_", "dword_", "qword_", "j_")


class SymSyncHooks(ida_idp.IDB_Hooks):
    """Pushes every user rename / comment to the shared symbol store."""

    def renamed(self, ea, new_name, local_name, old_name):
        if local_name or not new_name or new_name.startswith(AUTO_PREFIXES):
            return 0
        try:
            coll = store.get_collection()
            coll.update_one(
                {"binary": store.binary_key(), "ea": ea},
                {"$set": {"name": new_name, "prev": old_name, "user": getpass.getuser(), "ts": time.time()}},
                upsert=True,
            )
        except Exception as exc:  # never break the IDB because the store is down
            ida_kernwin.msg(f"[symsync] rename sync failed: {exc}\n")
        return 0

    def cmt_changed(self, ea, repeatable_cmt):
        text = idc.get_cmt(ea, 1 if repeatable_cmt else 0) or ""
        try:
            coll = store.get_collection()
            coll.update_one(
                {"binary": store.binary_key(), "ea": ea},
                {"$set": {"comment": text, "repeatable": bool(repeatable_cmt), "user": getpass.getuser()}},
                upsert=True,
            )
        except Exception as exc:
            ida_kernwin.msg(f"[symsync] comment sync failed: {exc}\n")
        return 0
