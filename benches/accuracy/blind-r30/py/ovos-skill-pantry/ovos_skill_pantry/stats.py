"""Usage statistics for the weekly shopping summary."""
import os
from datetime import datetime, timezone

import pymongo

stats_client = pymongo.MongoClient(
    os.environ.get("PANTRY_MONGO_URI", "mongodb://homeserver.lan:27017"),
    appname="pantry-stats",
)
events = stats_client["household"]["pantry_events"]


def log_event(kind: str, item: str) -> None:
    events.insert_one({"kind": kind, "item": item, "at": datetime.now(timezone.utc)})


def running_low(threshold: int = 1) -> list:
    return [
        doc["name"]
        for doc in stats_client["household"]["pantry"].find({"qty": {"$lte": threshold}})
    ]
