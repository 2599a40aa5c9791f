"""Registration, run once per Maya session from userSetup.py."""
import maya.cmds as cmds

from asset_tracker import callbacks, clients

_jobs = []
MENU = "assetTrackerMenu"


def install():
    if _jobs:
        return
    _jobs.append(cmds.scriptJob(event=["SceneSaved", callbacks.on_scene_saved], protected=True))
    _jobs.append(cmds.scriptJob(event=["SceneOpened", callbacks.on_scene_opened], protected=True))
    _jobs.append(cmds.scriptJob(event=["quitApplication", clients.shutdown], protected=True))

    if cmds.menu(MENU, exists=True):
        cmds.deleteUI(MENU)
    cmds.menu(MENU, label="Assets", parent="MayaWindow", tearOff=True)
    cmds.menuItem(label="Send scene to review", command=callbacks.send_to_review)


def uninstall():
    while _jobs:
        cmds.scriptJob(kill=_jobs.pop(), force=True)
    if cmds.menu(MENU, exists=True):
        cmds.deleteUI(MENU)
    clients.shutdown()
