"""Client for the HR presence board (who is in the building)."""
import os
from functools import lru_cache

import httpx


@lru_cache(maxsize=1)
def presence_client() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("PRESENCE_URL", "https://presence.internal/api"),
        headers={"X-Kiosk-Key": os.environ["KIOSK_KEY"]},
        timeout=5,
    )
