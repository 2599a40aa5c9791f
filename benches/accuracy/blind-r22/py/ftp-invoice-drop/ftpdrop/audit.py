"""Audit trail of every supplier FTP session, stored in MongoDB."""
import os
from datetime import datetime, timezone

from pymongo import MongoClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017/?replicaSet=rs0")

_client = MongoClient(MONGO_URL, appname="ftpdrop-audit", maxPoolSize=10)
_events = _client["invoices"]["ftp_audit"]


def record(event: str, username: str | None, remote_ip: str, **details) -> None:
    _events.insert_one(
        {
            "event": event,
            "username": username,
            "remote_ip": remote_ip,
            "at": datetime.now(timezone.utc),
            **details,
        }
    )


def failed_logins_since(remote_ip: str, since: datetime) -> int:
    return _events.count_documents(
        {"event": "login_failed", "remote_ip": remote_ip, "at": {"$gte": since}}
    )


def sessions_for(username: str, limit: int = 50) -> list[dict]:
    cursor = _events.find({"username": username}).sort("at", -1).limit(limit)
    return list(cursor)
