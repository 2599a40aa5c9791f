"""Thespian actors: one OrderActor handles every order message sent to it."""
import json
import os
from dataclasses import dataclass

import boto3
import requests
from thespian.actors import ActorExitRequest, ActorTypeDispatcher

import db
import ledger

FULFILMENT_QUEUE_URL = os.environ.get("FULFILMENT_QUEUE_URL", "")
FRAUD_API = os.environ.get("FRAUD_API", "https://fraud.internal.example.com/score")

_http = requests.Session()
_http.headers.update({"User-Agent": "orders-actor/1.4"})


@dataclass
class PlaceOrder:
    order_id: str
    customer_id: str
    total_cents: int


@dataclass
class ShipOrder:
    order_id: str
    warehouse: str


@dataclass
class RefundOrder:
    order_id: str
    reason: str


class OrderActor(ActorTypeDispatcher):
    def receiveMsg_PlaceOrder(self, message, sender):
        score = _http.post(
            FRAUD_API,
            json={"customer": message.customer_id, "amount": message.total_cents},
            timeout=5,
        ).json()["score"]
        if score > 0.9:
            self.send(sender, {"order_id": message.order_id, "status": "rejected"})
            return
        db.insert_order(message.order_id, message.customer_id, message.total_cents)
        ledger.post_entry(message.order_id, "receivables", message.total_cents, "order placed")
        self.send(sender, {"order_id": message.order_id, "status": "placed"})

    def receiveMsg_ShipOrder(self, message, sender):
        order = db.load_order(message.order_id)
        if order is None:
            self.send(sender, {"order_id": message.order_id, "error": "unknown order"})
            return
        sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        sqs.send_message(
            QueueUrl=FULFILMENT_QUEUE_URL,
            MessageBody=json.dumps({"order": order["id"], "warehouse": message.warehouse}),
            MessageGroupId=message.warehouse,
        )
        db.mark_status(message.order_id, "shipping")
        self.send(sender, {"order_id": message.order_id, "status": "shipping"})

    def receiveMsg_RefundOrder(self, message, sender):
        order = db.load_order(message.order_id)
        ledger.post_entry(message.order_id, "receivables", -order["total_cents"], message.reason)
        db.mark_status(message.order_id, "refunded")
        self.send(sender, {"order_id": message.order_id, "status": "refunded"})

    def receiveMsg_ActorExitRequest(self, message, sender):
        _http.close()
