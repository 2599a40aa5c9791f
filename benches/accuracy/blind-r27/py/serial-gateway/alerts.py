"""Threshold alerts posted to the on-call webhook with plain urllib."""
import json
import logging
import time
import urllib.error
import urllib.request

log = logging.getLogger("gateway.alerts")

THRESHOLDS = {
    "temp_c": (4.0, 35.0),
    "rh_pct": (30.0, 95.0),
    "soil_pct": (15.0, 90.0),
}

_last_sent: dict = {}
COOLDOWN_S = 900


def breaches(frame):
    for metric, (low, high) in THRESHOLDS.items():
        value = getattr(frame, metric)
        if value < low or value > high:
            yield metric, value, low, high


def notify(webhook_url, frame):
    for metric, value, low, high in breaches(frame):
        key = (frame.node, metric)
        if time.monotonic() - _last_sent.get(key, -COOLDOWN_S) < COOLDOWN_S:
            continue
        body = json.dumps({
            "text": f"Greenhouse node {frame.node}: {metric}={value} outside [{low}, {high}]",
            "severity": "warning",
        }).encode()
        req = urllib.request.Request(
            webhook_url, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                resp.read()
            _last_sent[key] = time.monotonic()
        except urllib.error.URLError as exc:
            log.warning("alert webhook failed: %s", exc)
