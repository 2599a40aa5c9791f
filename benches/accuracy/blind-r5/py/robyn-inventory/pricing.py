import os

import httpx

FX_URL = os.environ.get("FX_URL", "https://api.frankfurter.app")


async def convert_price(amount_cents: int, currency: str) -> int:
    """Convert a USD price into the caller's currency using the FX service."""
    if currency.upper() == "USD":
        return amount_cents
    async with httpx.AsyncClient(base_url=FX_URL, timeout=5.0) as client:
        resp = await client.get(
            "/latest", params={"from": "USD", "to": currency.upper()}
        )
        resp.raise_for_status()
        rate = resp.json()["rates"][currency.upper()]
    return round(amount_cents * rate)
