"""Aggregated counters used by the home-screen widgets."""
import xbmcaddon
from pymongo import DESCENDING, MongoClient

_ADDON = xbmcaddon.Addon("service.watchlog")
_client = MongoClient(_ADDON.getSetting("mongo_uri"), serverSelectionTimeoutMS=5000)
_counters = _client["watchlog"]["counters"]


def bump(profile, item):
    key = item.get("showtitle") or item.get("title")
    _counters.update_one(
        {"profile": profile, "key": key},
        {"$inc": {"plays": 1}, "$set": {"mediatype": item.get("mediatype")}},
        upsert=True,
    )


def top(profile, limit=5):
    cursor = _counters.find({"profile": profile}).sort("plays", DESCENDING).limit(limit)
    return [doc["key"] for doc in cursor]
