import maya.utils


def _install_asset_tracker():
    from asset_tracker import startup

    startup.install()


maya.utils.executeDeferred(_install_asset_tracker)
