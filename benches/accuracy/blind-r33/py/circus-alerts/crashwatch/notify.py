import httpx


def notify_slack(webhook, text):
    http = httpx.Client(timeout=5.0, headers={"Content-Type": "application/json"})
    resp = http.post(webhook, json={"text": text})
    if resp.status_code >= 400:
        from circus import logger

        logger.warning("slack webhook returned %s", resp.status_code)
