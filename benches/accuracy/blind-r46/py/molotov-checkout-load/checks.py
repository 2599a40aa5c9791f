import os

import aiohttp

INVENTORY_URL = os.environ.get("INVENTORY_URL", "https://inventory.staging.acme.io")
INVENTORY_TOKEN = os.environ.get("INVENTORY_TOKEN", "")


async def stock_level(sku: str) -> int:
    async with aiohttp.ClientSession(
        base_url=INVENTORY_URL,
        headers={"Authorization": f"Bearer {INVENTORY_TOKEN}"},
    ) as inv:
        async with inv.get(f"/v2/stock/{sku}") as resp:
            resp.raise_for_status()
            body = await resp.json()
            return int(body["available"])
