"""Bytewax dataflow turning Alertmanager events from Kafka into incident documents.

    python -m bytewax.run pipeline.dataflow:flow -w 2
"""
import datetime as dt
import json
import os
from typing import List

import bytewax.operators as op
from bytewax.connectors.kafka import KafkaSource
from bytewax.dataflow import Dataflow
from bytewax.outputs import DynamicSink, StatelessSinkPartition
from pymongo import UpdateOne

from common.mongo import DB_NAME, make_client

# one client for this process, shared by every worker's sink partition
_mongo = make_client("incidents-dataflow")


class _IncidentPartition(StatelessSinkPartition):
    def __init__(self, collection):
        self.collection = collection

    def write_batch(self, items: List[dict]) -> None:
        ops = [
            UpdateOne(
                {"fingerprint": it["fingerprint"], "state": {"$ne": "resolved"}},
                {
                    "$setOnInsert": {"opened_at": it["at"], "state": "open"},
                    "$set": {"service": it["service"], "summary": it["summary"], "last_seen": it["at"]},
                },
                upsert=True,
            )
            for it in items
        ]
        if ops:
            self.collection.bulk_write(ops, ordered=False)


class IncidentSink(DynamicSink):
    def build(self, step_id: str, worker_index: int, worker_count: int) -> _IncidentPartition:
        return _IncidentPartition(_mongo[DB_NAME]["incidents"])


def to_incident(msg) -> dict:
    alert = json.loads(msg.value)
    return {
        "fingerprint": alert["fingerprint"],
        "service": alert["labels"].get("service", "unknown"),
        "summary": alert["annotations"].get("summary", ""),
        "at": dt.datetime.fromisoformat(alert["startsAt"].replace("Z", "+00:00")),
        "status": alert["status"],
    }


flow = Dataflow("alerts_to_incidents")
raw = op.input("alerts", flow, KafkaSource(os.environ.get("KAFKA_BROKERS", "kafka:9092").split(","), ["alertmanager"]))
incidents = op.map("parse", raw, to_incident)
firing = op.filter("firing_only", incidents, lambda inc: inc["status"] == "firing")
op.output("mongo", firing, IncidentSink())
