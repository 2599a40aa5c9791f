"""Helpers for the job audit store (MongoDB)."""
from datetime import datetime, timezone

from pymongo import MongoClient


def audit_collection(config):
    """Return the backlog-audit collection of the jobs audit database."""
    client = MongoClient(config["mongo_uri"], appname="st2-queue-watch",
                         serverSelectionTimeoutMS=5000)
    return client.get_default_database()["queue_backlog"]


def backlog_document(queue, depth, consumers):
    return {
        "queue": queue["name"],
        "vhost": queue["vhost"],
        "depth": depth,
        "consumers": consumers,
        "observed_at": datetime.now(timezone.utc),
    }
