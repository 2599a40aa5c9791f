"""Thin client for the service registry that knows which endpoints are retired."""
import os

import requests

REGISTRY_URL = os.environ.get("ACME_REGISTRY_URL", "https://registry.internal.acme.io")
TOKEN = os.environ.get("ACME_REGISTRY_TOKEN", "")


def registry_session() -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    session.headers["User-Agent"] = "acme-lint/0.7"
    return session


def fetch_retired_prefixes() -> set[str]:
    with registry_session() as session:
        resp = session.get(f"{REGISTRY_URL}/v1/endpoints", params={"state": "retired"}, timeout=10)
        resp.raise_for_status()
        return {item["prefix"] for item in resp.json()["items"]}
