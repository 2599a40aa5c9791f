import os
from datetime import datetime, timezone

from pymongo import MongoClient

_audit_client = MongoClient(
    os.environ.get("MONGO_URI", "mongodb://mongo-0.mongo:27017/?replicaSet=rs0"),
    appname="config-audit",
    w="majority",
)
events = _audit_client["edge_config"]["audit_events"]


def record(key: str, action: str, value: bytes | None) -> None:
    events.insert_one(
        {
            "key": key,
            "action": action,
            "size": len(value) if value else 0,
            "at": datetime.now(timezone.utc),
        }
    )
