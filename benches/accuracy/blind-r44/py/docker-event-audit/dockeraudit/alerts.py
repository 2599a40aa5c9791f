"""Chat alerts for crash-looping containers."""
import logging
import os

import aiohttp

log = logging.getLogger("dockeraudit.alerts")

ALERT_WEBHOOK = os.environ.get("ALERT_WEBHOOK", "")


async def send_alert(host, name, image, restarts):
    if not ALERT_WEBHOOK:
        return
    text = f":rotating_light: `{name}` ({image}) on {host} died {restarts} times in 10 minutes"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
        async with http.post(ALERT_WEBHOOK, json={"text": text}) as resp:
            if resp.status >= 400:
                log.warning("alert webhook returned %s", resp.status)
