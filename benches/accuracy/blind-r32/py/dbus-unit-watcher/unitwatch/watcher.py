"""One UnitWatcher per watched systemd unit, created at start-up.

on_properties_changed fires for every D-Bus PropertiesChanged signal of the unit.
"""
import asyncio
import socket
import time

import asyncpg
import redis.asyncio as redis
from dbus_next.aio import ProxyInterface

HOST = socket.gethostname()


class UnitWatcher:
    def __init__(self, unit: str, props: ProxyInterface, pool: asyncpg.Pool, cache: redis.Redis):
        self.unit = unit
        self.props = props
        self.pool = pool
        self.cache = cache

    def attach(self) -> None:
        self.props.on_properties_changed(self.on_properties_changed)

    def on_properties_changed(self, interface_name, changed, invalidated) -> None:
        if interface_name != "org.freedesktop.systemd1.Unit":
            return
        if "ActiveState" not in changed:
            return
        state = changed["ActiveState"].value
        sub = changed["SubState"].value if "SubState" in changed else None
        # D-Bus callbacks are plain functions; hand the write to the event loop.
        asyncio.get_running_loop().create_task(self.record(state, sub))

    async def record(self, state: str, sub: str | None) -> None:
        key = f"unitwatch:{HOST}:{self.unit}"
        previous = await self.cache.getset(key, state)
        if previous is not None and previous.decode() == state:
            return
        async with self.pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO unit_transitions (host, unit, state, sub_state, at) "
                "VALUES ($1, $2, $3, $4, to_timestamp($5))",
                HOST,
                self.unit,
                state,
                sub,
                time.time(),
            )
