"""Push notifications to the mobile softphone when a call can't be delivered."""
import logging
import os

import requests

PUSH_URL = os.environ.get("PUSH_URL", "https://push.voip.internal/v1/missed-call")
PUSH_TOKEN = os.environ.get("PUSH_TOKEN", "")

log = logging.getLogger("kemi.notify")


def push_missed_call(callee, caller, call_id):
    s = requests.Session()
    s.headers["Authorization"] = "Bearer " + PUSH_TOKEN
    try:
        resp = s.post(
            PUSH_URL,
            json={"to": callee, "from": caller, "call_id": call_id},
            timeout=1.5,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("push for %s failed: %s", callee, exc)
