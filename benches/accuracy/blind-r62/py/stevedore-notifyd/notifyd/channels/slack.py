import requests


class SlackChannel:
    """Posts to an incoming-webhook URL; ``to`` is the channel alias."""

    def __init__(self, settings):
        self.webhooks = settings["slack_webhooks"]
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "notifyd/1.4"

    def send(self, to, body):
        resp = self.http.post(self.webhooks[to], json={"text": body}, timeout=5)
        resp.raise_for_status()
