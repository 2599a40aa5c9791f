"""Outbound HTTP client for the chat webhook."""
import httpx

from voicenotes.config import WEBHOOK_BASE, WEBHOOK_TOKEN


def make_webhook_client():
    return httpx.Client(
        base_url=WEBHOOK_BASE,
        headers={"Authorization": f"Bearer {WEBHOOK_TOKEN}"},
        timeout=httpx.Timeout(10.0, connect=3.0),
    )
