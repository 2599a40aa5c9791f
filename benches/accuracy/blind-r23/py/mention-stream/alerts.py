"""Cool-down aware alerting for high-signal mentions."""
import json
import os

import redis
import requests

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL", "")
ALERT_WORDS = {"outage", "down", "refund", "lawsuit", "broken"}

_slack = requests.Session()
_slack.headers.update({"Content-Type": "application/json"})


def is_alert_worthy(text):
    lowered = text.lower()
    return any(word in lowered for word in ALERT_WORDS)


def maybe_alert(tweet):
    if not is_alert_worthy(tweet.text):
        return False

    r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    cooldown_key = f"alerts:cooldown:{tweet.author_id}"
    if not r.set(cooldown_key, "1", nx=True, ex=900):
        return False

    event = {"tweet_id": str(tweet.id), "author_id": str(tweet.author_id), "text": tweet.text}
    r.publish("alerts:mentions", json.dumps(event))
    r.incr("alerts:count:today")

    if SLACK_WEBHOOK:
        _slack.post(
            SLACK_WEBHOOK,
            data=json.dumps({"text": f":rotating_light: {tweet.text[:280]}"}),
            timeout=5,
        )
    return True
