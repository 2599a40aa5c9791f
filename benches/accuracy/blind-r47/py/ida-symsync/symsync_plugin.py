import ida_idaapi
import ida_kernwin

from symsync.actions import register_actions, unregister_actions
from symsync.hooks import SymSyncHooks


class SymSyncPlugin(ida_idaapi.plugin_t):
    flags = ida_idaapi.PLUGIN_KEEP | ida_idaapi.PLUGIN_HIDE
    comment = "Team symbol synchronisation"
    help = "Shares names and comments through the SymSync store"
    wanted_name = "SymSync"
    wanted_hotkey = ""

    def init(self):
        self.hooks = SymSyncHooks()
        self.hooks.hook()
        register_actions()
        ida_kernwin.msg("[symsync] loaded\n")
        return ida_idaapi.PLUGIN_KEEP

    def run(self, arg):
        pass

    def term(self):
        self.hooks.unhook()
        unregister_actions()


def PLUGIN_ENTRY():
    return SymSyncPlugin()
