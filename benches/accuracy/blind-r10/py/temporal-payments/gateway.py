"""Payment gateway client construction."""
import os

import httpx

GATEWAY_URL = os.environ.get("GATEWAY_URL", "https://api.payments.example.com")


def gateway_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=GATEWAY_URL,
        headers={"Authorization": f"Bearer {os.environ.get('GATEWAY_SECRET', '')}"},
        timeout=httpx.Timeout(10.0, connect=3.0),
    )
