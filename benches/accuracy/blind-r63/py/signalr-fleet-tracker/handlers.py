"""Hub message handlers. signalrcore calls each one with the list of
arguments the server passed to Clients.All.SendAsync(...)."""
import json
import logging
import os
from datetime import datetime, timezone

import boto3
from pymongo import MongoClient

log = logging.getLogger("fleet-tracker.handlers")

MONGO_URI = os.environ.get("FLEET_MONGO_URI", "mongodb://fleet-db:27017/?replicaSet=rs0")
ALERT_TOPIC_ARN = os.environ["CARGO_ALERT_TOPIC_ARN"]
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")


def on_position_updated(args: list) -> None:
    msg = args[0]
    mongo = MongoClient(MONGO_URI, appname="fleet-tracker")
    mongo.fleet.positions.insert_one(
        {
            "vehicle_id": msg["vehicleId"],
            "location": {"type": "Point", "coordinates": [msg["lon"], msg["lat"]]},
            "speed_kmh": msg.get("speed"),
            "recorded_at": datetime.fromisoformat(msg["timestamp"]),
            "received_at": datetime.now(timezone.utc),
        }
    )


def on_door_opened(args: list) -> None:
    event = args[0]
    if event.get("insideDepot", False):
        return

    log.warning("cargo door opened outside depot: %s", event["vehicleId"])
    sns = boto3.client("sns", region_name=AWS_REGION)
    sns.publish(
        TopicArn=ALERT_TOPIC_ARN,
        Subject=f"Cargo door opened: {event['vehicleId']}",
        Message=json.dumps(event),
    )
