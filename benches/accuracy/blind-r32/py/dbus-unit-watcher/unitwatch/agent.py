import asyncio
import logging
import os

from dbus_next import BusType
from dbus_next.aio import MessageBus

from . import clients
from .watcher import UnitWatcher

SYSTEMD = "org.freedesktop.systemd1"


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    units = os.environ.get("WATCH_UNITS", "nginx.service,postgresql.service").split(",")

    pool = await clients.open_pool()
    cache = clients.open_cache()
    bus = await MessageBus(bus_type=BusType.SYSTEM).connect()
    try:
        root_xml = await bus.introspect(SYSTEMD, "/org/freedesktop/systemd1")
        manager = bus.get_proxy_object(SYSTEMD, "/org/freedesktop/systemd1", root_xml).get_interface(
            "org.freedesktop.systemd1.Manager"
        )
        await manager.call_subscribe()

        watchers = []
        for unit in units:
            path = await manager.call_load_unit(unit)
            unit_xml = await bus.introspect(SYSTEMD, path)
            props = bus.get_proxy_object(SYSTEMD, path, unit_xml).get_interface(
                "org.freedesktop.DBus.Properties"
            )
            watcher = UnitWatcher(unit, props, pool, cache)
            watcher.attach()
            watchers.append(watcher)

        logging.info("watching %d units", len(watchers))
        await bus.wait_for_disconnect()
    finally:
        bus.disconnect()
        await cache.aclose()
        await pool.close()


def run() -> None:
    asyncio.run(main())
