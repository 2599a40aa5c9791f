import os

import httpx

GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://geocode.internal/v1")


def geocoder():
    return httpx.Client(base_url=GEOCODER_URL, timeout=httpx.Timeout(5.0), http2=False)
