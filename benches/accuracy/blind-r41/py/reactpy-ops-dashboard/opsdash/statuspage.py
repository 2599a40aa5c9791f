"""Status-page API client, created lazily once and shared by every component."""
import functools
import os

import httpx

STATUSPAGE_URL = os.environ.get("STATUSPAGE_URL", "https://api.statuspage.io/v1")
PAGE_ID = os.environ.get("STATUSPAGE_PAGE_ID", "")


@functools.lru_cache(maxsize=1)
def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=STATUSPAGE_URL,
        headers={"Authorization": f"OAuth {os.environ.get('STATUSPAGE_TOKEN', '')}"},
        timeout=10,
    )


async def post_incident(title: str, body: str) -> str:
    resp = await client().post(
        f"/pages/{PAGE_ID}/incidents",
        json={"incident": {"name": title, "body": body, "status": "investigating"}},
    )
    resp.raise_for_status()
    return resp.json()["id"]
