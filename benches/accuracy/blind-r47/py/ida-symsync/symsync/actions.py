import os

import ida_kernwin
import idautils
import requests

from . import store

SYMBOL_SERVER = os.environ.get("SYMSYNC_SERVER", "https://symbols.re.internal")
ACTION_PUSH_ALL = "symsync:push_all"


class PushAllHandler(ida_kernwin.action_handler_t):
    def activate(self, ctx):
        session = requests.Session()
        session.headers["Authorization"] = "Token " + os.environ.get("SYMSYNC_TOKEN", "")
        names = [{"ea": ea, "name": name} for ea, name in idautils.Names()]
        resp = session.post(
            f"{SYMBOL_SERVER}/api/binaries/{store.binary_key()}/names",
            json=names,
            timeout=30,
        )
        if resp.ok:
            ida_kernwin.msg(f"[symsync] pushed {len(names)} names\n")
        else:
            ida_kernwin.warning(f"SymSync push failed: HTTP {resp.status_code}")
        return 1

    def update(self, ctx):
        return ida_kernwin.AST_ENABLE_ALWAYS


def register_actions():
    desc = ida_kernwin.action_desc_t(
        ACTION_PUSH_ALL,
        "SymSync: push all names",
        PushAllHandler(),
        "Ctrl-Shift-Y",
        "Upload every named location of this database to the symbol server",
        -1,
    )
    ida_kernwin.register_action(desc)
    ida_kernwin.attach_action_to_menu("Edit/Plugins/", ACTION_PUSH_ALL, ida_kernwin.SETMENU_APP)


def unregister_actions():
    ida_kernwin.detach_action_from_menu("Edit/Plugins/", ACTION_PUSH_ALL)
    ida_kernwin.unregister_action(ACTION_PUSH_ALL)
