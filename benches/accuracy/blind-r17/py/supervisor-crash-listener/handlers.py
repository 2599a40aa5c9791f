import os
import socket
from datetime import datetime, timedelta, timezone

import boto3
from pymongo import MongoClient
from supervisor import childutils

from audit import write_audit
from store import events

HOST = socket.gethostname()
METRICS_MONGO_URL = os.environ.get("METRICS_MONGO_URL", "mongodb://metrics-mongo:27017")
ALERT_TOPIC_ARN = os.environ["ALERT_TOPIC_ARN"]


def handle_state(headers: dict, payload: str) -> None:
    info = childutils.get_headers(payload)
    doc = {
        "host": HOST,
        "event": headers["eventname"],
        "process": info.get("processname"),
        "group": info.get("groupname"),
        "from_state": info.get("from_state"),
        "expected": info.get("expected") == "1",
        "at": datetime.now(timezone.utc),
    }
    events.insert_one(doc)
    write_audit(HOST, headers["eventname"], {"process": doc["process"]})
    if headers["eventname"] == "PROCESS_STATE_FATAL" or not doc["expected"]:
        sns = boto3.client("sns", region_name=os.environ.get("AWS_REGION", "us-east-1"))
        sns.publish(
            TopicArn=ALERT_TOPIC_ARN,
            Subject=f"[{HOST}] {doc['process']} {headers['eventname']}",
            Message=f"{doc['process']} left {doc['from_state']} unexpectedly on {HOST}",
        )


def handle_tick(headers: dict, payload: str) -> None:
    metrics = MongoClient(METRICS_MONGO_URL, serverSelectionTimeoutMS=2000)
    since = datetime.now(timezone.utc) - timedelta(minutes=1)
    crashes = events.count_documents({"host": HOST, "expected": False, "at": {"$gte": since}})
    metrics.ops.crash_rate.insert_one({"host": HOST, "crashes_last_minute": crashes, "at": datetime.now(timezone.utc)})
