"""Position / status history written by the dashboard when operators refresh."""
import os
from datetime import datetime, timedelta, timezone

from pymongo import DESCENDING, MongoClient

_client = MongoClient(
    os.environ["FLEET_MONGO_URL"],
    appname="fleet-history",
    serverSelectionTimeoutMS=5000,
)
_positions = _client["fleet"]["positions"]


def record_positions(depot_code, snapshots):
    now = datetime.now(timezone.utc)
    docs = [
        {
            "depot": depot_code,
            "plate": s["plate"],
            "lat": s["lat"],
            "lon": s["lon"],
            "speed_kmh": s.get("speed_kmh", 0),
            "ignition": s.get("ignition", False),
            "ts": now,
        }
        for s in snapshots
    ]
    if docs:
        _positions.insert_many(docs, ordered=False)
    return len(docs)


def recent_track(plate, hours=6):
    since = datetime.now(timezone.utc) - timedelta(hours=hours)
    return list(
        _positions.find({"plate": plate, "ts": {"$gte": since}}, {"_id": 0, "lat": 1, "lon": 1, "ts": 1})
        .sort("ts", DESCENDING)
        .limit(500)
    )


def idle_count(depot_code):
    return _positions.count_documents({"depot": depot_code, "ignition": False, "speed_kmh": 0})
