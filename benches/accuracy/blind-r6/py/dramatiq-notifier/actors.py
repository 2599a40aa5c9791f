"""Outbound notification workers.

Run with:  dramatiq actors --processes 2 --threads 8
"""
import hashlib
import hmac
import json
import os

import dramatiq
import requests
from dramatiq.brokers.rabbitmq import RabbitmqBroker

import dedupe
import throttle

broker = RabbitmqBroker(url=os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/"))
dramatiq.set_broker(broker)

SIGNING_KEY = os.environ.get("WEBHOOK_SIGNING_KEY", "dev-secret").encode()
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL", "")

slack = requests.Session()
slack.headers["Content-Type"] = "application/json"


class Throttled(Exception):
    pass


def _sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


@dramatiq.actor(queue_name="webhooks", max_retries=8, min_backoff=2_000)
def deliver_webhook(event_id: str, url: str, payload: dict) -> None:
    if dedupe.seen_before(event_id):
        return
    if not throttle.allow(url):
        raise Throttled(url)

    body = json.dumps(payload, separators=(",", ":")).encode()
    session = requests.Session()
    session.headers.update({
        "User-Agent": "acme-notifier/1.4",
        "Content-Type": "application/json",
        "X-Signature": _sign(body),
    })
    resp = session.post(url, data=body, timeout=10)
    resp.raise_for_status()


@dramatiq.actor(queue_name="internal", max_retries=3)
def notify_slack(text: str) -> None:
    if not SLACK_WEBHOOK:
        return
    slack.post(SLACK_WEBHOOK, data=json.dumps({"text": text}), timeout=5).raise_for_status()
