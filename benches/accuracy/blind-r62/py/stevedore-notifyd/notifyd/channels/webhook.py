import hashlib
import hmac
import json
import urllib.request


class WebhookChannel:
    """Signed JSON POST to a customer endpoint; plain urllib, one request per call."""

    def __init__(self, settings):
        self.secret = settings["webhook_secret"].encode()

    def send(self, to, body):
        payload = json.dumps({"text": body}).encode()
        signature = hmac.new(self.secret, payload, hashlib.sha256).hexdigest()
        req = urllib.request.Request(
            to,
            data=payload,
            headers={"Content-Type": "application/json", "X-Notifyd-Signature": signature},
            method="POST",
        )
        with urllib.request.urlopen(req, timeout=5) as resp:
            resp.read()
