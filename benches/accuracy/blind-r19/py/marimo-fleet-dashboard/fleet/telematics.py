"""Helpers around the telematics vendor's REST API."""
import os

import httpx

TELEMATICS_URL = os.environ.get("TELEMATICS_URL", "https://api.trackwise.example/v2")
TELEMATICS_TOKEN = os.environ.get("TELEMATICS_TOKEN", "")


def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {TELEMATICS_TOKEN}", "Accept": "application/json"}


def latest_positions(client: httpx.Client, depot: str) -> list[dict]:
    resp = client.get("/positions/latest", params={"group": depot})
    resp.raise_for_status()
    return resp.json()["positions"]
