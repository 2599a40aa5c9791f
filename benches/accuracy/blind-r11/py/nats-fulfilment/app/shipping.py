import os

import aiohttp

CARRIER_API = os.environ.get("CARRIER_API", "https://api.carrier.example.com")
CARRIER_KEY = os.environ.get("CARRIER_KEY", "")


async def book_shipment(order: dict, warehouse_code: str) -> str:
    """Ask the carrier for a label; returns the tracking number."""
    session = aiohttp.ClientSession(
        base_url=CARRIER_API,
        headers={"X-Api-Key": CARRIER_KEY},
        timeout=aiohttp.ClientTimeout(total=20),
    )
    payload = {
        "reference": order["id"],
        "from": warehouse_code,
        "to": order["shipping_address"],
        "parcels": [{"weight_g": line["weight_g"]} for line in order["lines"]],
    }
    async with session.post("/v1/shipments", json=payload) as resp:
        resp.raise_for_status()
        body = await resp.json()
    return body["tracking_number"]
