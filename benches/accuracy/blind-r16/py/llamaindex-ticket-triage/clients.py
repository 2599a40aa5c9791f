import os

import httpx

CRM_BASE_URL = os.environ.get("CRM_BASE_URL", "https://crm.internal.example.com/api/v2")
CRM_TOKEN = os.environ.get("CRM_TOKEN", "")


def make_crm_client() -> httpx.AsyncClient:
    """Return an HTTP client configured for the CRM API."""
    return httpx.AsyncClient(
        base_url=CRM_BASE_URL,
        headers={"Authorization": f"Bearer {CRM_TOKEN}"},
        timeout=httpx.Timeout(10.0, connect=3.0),
    )
