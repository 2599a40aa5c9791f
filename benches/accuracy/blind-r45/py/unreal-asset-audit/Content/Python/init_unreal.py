"""Executed once by the Unreal Editor at start-up (Python Editor Script Plugin)."""
import unreal

import asset_audit

import_subsystem = unreal.get_editor_subsystem(unreal.ImportSubsystem)
import_subsystem.on_asset_post_import.add_callable(asset_audit.on_asset_post_import)

_tick_handle = unreal.register_slate_post_tick_callback(asset_audit.on_tick)


def _shutdown():
    unreal.unregister_slate_post_tick_callback(_tick_handle)
    asset_audit.flush()


unreal.register_python_shutdown_callback(_shutdown)
unreal.log("asset_audit: import hooks registered")
