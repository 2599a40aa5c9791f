"""One HTTP client per upstream region, created the first time that region is used."""
import os

import httpx

REGION_URLS = {
    "eu": os.environ.get("PRICES_EU_URL", "https://prices-eu.internal"),
    "us": os.environ.get("PRICES_US_URL", "https://prices-us.internal"),
    "ap": os.environ.get("PRICES_AP_URL", "https://prices-ap.internal"),
}


class UpstreamClients:
    def __init__(self) -> None:
        self._clients: dict[str, httpx.AsyncClient] = {}

    def for_region(self, region: str) -> httpx.AsyncClient:
        client = self._clients.get(region)
        if client is None:
            client = httpx.AsyncClient(base_url=REGION_URLS[region], timeout=5, http2=False)
            self._clients[region] = client
        return client

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()
