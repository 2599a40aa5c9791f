"""Playback history in MongoDB."""
from datetime import datetime, timezone

import xbmcaddon
from pymongo import MongoClient

_ADDON = xbmcaddon.Addon("service.watchlog")

client = MongoClient(_ADDON.getSetting("mongo_uri"), serverSelectionTimeoutMS=5000, appname="watchlog")
history = client["watchlog"]["history"]


def record_start(profile, item):
    doc = dict(item, profile=profile, started_at=datetime.now(timezone.utc), finished=False)
    return history.insert_one(doc).inserted_id


def record_stop(entry_id, position, total):
    if entry_id is None:
        return
    finished = total > 0 and position / total > 0.9
    history.update_one(
        {"_id": entry_id},
        {"$set": {"stopped_at": datetime.now(timezone.utc), "position": position, "finished": finished}},
    )
    return finished
