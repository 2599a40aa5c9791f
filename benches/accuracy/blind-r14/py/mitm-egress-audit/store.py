"""Persistence for the egress audit trail."""
import datetime as dt
import os

from pymongo import ASCENDING, MongoClient

MONGO_URL = os.environ.get("AUDIT_MONGO_URL", "mongodb://audit-db.internal:27017/?replicaSet=rs0")

client = MongoClient(MONGO_URL, appname="egress-audit", maxPoolSize=20)
requests_coll = client["egress"]["requests"]
requests_coll.create_index([("host", ASCENDING), ("ts", ASCENDING)])


def record_request(flow_id: str, method: str, host: str, path: str, client_ip: str) -> None:
    requests_coll.insert_one(
        {
            "_id": flow_id,
            "ts": dt.datetime.now(dt.timezone.utc),
            "method": method,
            "host": host,
            "path": path,
            "client": client_ip,
        }
    )


def attach_response(flow_id: str, status: int, size: int, verdict: str) -> None:
    requests_coll.update_one(
        {"_id": flow_id},
        {"$set": {"status": status, "size": size, "verdict": verdict}},
    )
