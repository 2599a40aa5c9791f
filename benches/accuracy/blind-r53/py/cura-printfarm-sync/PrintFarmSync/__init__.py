"""Cura plugin entry points.

Cura imports this package once at start-up, calls getMetaData(), then register()
exactly once; the returned Extension instance lives for the whole session.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))

from cura.CuraApplication import CuraApplication  # noqa: E402

from . import PrintFarmSync  # noqa: E402

PREFERENCES = {
    "printfarm/api_url": "https://farm.makerspace.local/api/v1",
    "printfarm/token": "",
    "printfarm/member_id": "",
    "printfarm/report_slices": True,
}


def getMetaData():
    return {}


def register(app):
    preferences = CuraApplication.getInstance().getPreferences()
    for key, default in PREFERENCES.items():
        preferences.addPreference(key, default)
    return {"extension": PrintFarmSync.PrintFarmSync()}
