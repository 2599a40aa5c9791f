"""Outbound webhooks to merchant systems."""
import os

import httpx

SIGNING_KEY = os.environ.get("WEBHOOK_SIGNING_KEY", "dev")


async def post_webhook(url: str, payload: dict) -> int:
    client = httpx.AsyncClient(
        timeout=5.0,
        headers={"X-Signature-Key": SIGNING_KEY, "User-Agent": "orders-worker/1.4"},
    )
    resp = await client.post(url, json=payload)
    resp.raise_for_status()
    return resp.status_code
