import os

import httpx
from signalbot import Command, Context

STATUSPAGE = os.environ.get("STATUSPAGE_URL", "https://status.internal.example/api/v2")


class StatusCommand(Command):
    """`!status` -> component status from the status page."""

    async def handle(self, c: Context):
        if (c.message.text or "").strip() != "!status":
            return
        async with httpx.AsyncClient(base_url=STATUSPAGE, timeout=5) as http:
            resp = await http.get("/components.json")
            resp.raise_for_status()
        degraded = [
            comp["name"]
            for comp in resp.json()["components"]
            if comp["status"] != "operational"
        ]
        if degraded:
            await c.send("Degraded: " + ", ".join(degraded))
        else:
            await c.send("All systems operational ✅")
