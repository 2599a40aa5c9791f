"""
Server startstop hooks, called by Evennia at server start/stop/reload.
"""
from evennia import create_script, search_script


def at_server_start():
    if not search_script("economy_tick"):
        create_script("typeclasses.scripts.EconomyTickScript", key="economy_tick")


def at_server_stop():
    pass


def at_server_reload_start():
    pass


def at_server_reload_stop():
    pass


def at_server_cold_start():
    pass


def at_server_cold_stop():
    pass
