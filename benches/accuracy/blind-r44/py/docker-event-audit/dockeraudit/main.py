"""Subscribe to the Docker event stream and keep an audit trail.

One process per Docker host; every event from the daemon (container
start/die/oom, image pull, network connect, ...) goes through on_event().
"""
import asyncio
import logging
import signal
import socket

import aiodocker

from dockeraudit import db
from dockeraudit.alerts import send_alert

log = logging.getLogger("dockeraudit")

HOST = socket.gethostname()
RESTART_ALERT_THRESHOLD = 3


async def on_event(pool, event):
    stored = await db.record_event(pool, HOST, event)
    if not stored:
        return
    if event.get("Type") == "container" and event.get("Action") == "die":
        attrs = (event.get("Actor") or {}).get("Attributes") or {}
        name = attrs.get("name", "?")
        restarts = await db.count_restarts(pool, name)
        if restarts >= RESTART_ALERT_THRESHOLD:
            await send_alert(HOST, name, attrs.get("image", "?"), restarts)


async def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    pool = await db.create_pool()
    docker = aiodocker.Docker()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)

    subscriber = docker.events.subscribe()
    log.info("auditing docker events on %s", HOST)
    try:
        while not stop.is_set():
            event = await subscriber.get()
            if event is None:
                break
            try:
                await on_event(pool, event)
            except Exception:
                log.exception("failed to handle event %s", event.get("Action"))
    finally:
        await docker.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
