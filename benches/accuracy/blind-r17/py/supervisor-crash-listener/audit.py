import os
from datetime import datetime, timezone

from pymongo import MongoClient

audit_client = MongoClient(os.environ.get("MONGO_URL", "mongodb://ops-mongo:27017/?replicaSet=rs0"))


def write_audit(host: str, action: str, detail: dict) -> None:
    audit_client.ops.audit_log.insert_one(
        {"host": host, "action": action, "detail": detail, "at": datetime.now(timezone.utc)}
    )
