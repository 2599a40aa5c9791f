"""MongoDB-backed deploy log shared by the commands."""

import os
from datetime import datetime, timezone

from pymongo import DESCENDING, MongoClient

MONGO_URI = os.environ.get("DEPLOYS_MONGO_URI", "mongodb://localhost:27017")

_client = MongoClient(MONGO_URI, appname="limnoria-deploys", serverSelectionTimeoutMS=3000)
_events = _client["deploys"]["events"]


def record_deploy(service, version, env, actor):
    _events.insert_one(
        {
            "service": service,
            "version": version,
            "env": env,
            "actor": actor,
            "at": datetime.now(timezone.utc),
        }
    )


def recent(service, limit=5):
    cursor = (
        _events.find({"service": service}, {"_id": 0})
        .sort("at", DESCENDING)
        .limit(limit)
    )
    return list(cursor)


def last_for_env(env):
    return _events.find_one({"env": env}, {"_id": 0}, sort=[("at", DESCENDING)])


def services():
    return sorted(_events.distinct("service"))
