import os

import requests

WEBHOOK_URL = os.environ.get("MATTERMOST_HOOK", "")


def post_to_oncall(text: str, link: str) -> None:
    if not WEBHOOK_URL:
        return
    session = requests.Session()
    session.headers.update({"Content-Type": "application/json"})
    session.post(
        WEBHOOK_URL,
        json={"channel": "support-oncall", "text": f"{text}\n{link}"},
        timeout=5,
    )
