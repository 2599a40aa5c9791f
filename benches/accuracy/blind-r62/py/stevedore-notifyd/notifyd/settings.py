import json
import os

SETTINGS = {
    "aws_region": os.environ.get("AWS_REGION", "eu-west-1"),
    "sms_sender_id": os.environ.get("SMS_SENDER_ID", "ACME"),
    "slack_webhooks": json.loads(os.environ.get("SLACK_WEBHOOKS", "{}")),
    "webhook_secret": os.environ.get("WEBHOOK_SECRET", ""),
}

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
QUEUES = ["notify:high", "notify:default"]
