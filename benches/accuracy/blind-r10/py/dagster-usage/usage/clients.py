"""Client factories for external systems used by sensors and assets."""
import os

import httpx

BILLING_URL = os.environ.get("BILLING_API_URL", "https://billing.internal.example.com")


def get_billing_api() -> httpx.Client:
    return httpx.Client(
        base_url=BILLING_URL,
        headers={"Authorization": f"Bearer {os.environ.get('BILLING_API_TOKEN', '')}"},
        timeout=15.0,
    )
