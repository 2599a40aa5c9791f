"""Jellyfin and ntfy calls made by the hook."""

import os

import httpx

JELLYFIN_URL = os.environ.get("JELLYFIN_URL", "http://jellyfin.lan:8096")
NTFY_URL = os.environ.get("NTFY_URL", "https://ntfy.sh/homelab-media")


def make_client() -> httpx.Client:
    return httpx.Client(
        timeout=10.0,
        headers={"Authorization": f'MediaBrowser Token="{os.environ.get("JELLYFIN_API_KEY", "")}"'},
    )


def jellyfin_media_updated(client: httpx.Client, path: str) -> None:
    resp = client.post(
        f"{JELLYFIN_URL}/Library/Media/Updated",
        json={"Updates": [{"Path": path, "UpdateType": "Created"}]},
    )
    resp.raise_for_status()


def ntfy(client: httpx.Client, title: str, message: str, priority: str = "default") -> None:
    client.post(NTFY_URL, content=message.encode(), headers={"Title": title, "Priority": priority})


def jellyfin_refresh_library(client: httpx.Client) -> None:
    """Fallback used when the per-path update is rejected (e.g. path not under a library)."""
    resp = client.post(f"{JELLYFIN_URL}/Library/Refresh")
    resp.raise_for_status()
