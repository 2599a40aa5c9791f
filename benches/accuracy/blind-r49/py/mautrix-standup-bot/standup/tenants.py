"""Per-tenant asyncpg pools, created on first use for tenants listed in tenants.toml."""
import asyncio
import tomllib
from dataclasses import dataclass, field

import asyncpg


@dataclass(frozen=True)
class Tenant:
    name: str
    dsn: str
    webhook: str
    rooms: tuple[str, ...] = field(default_factory=tuple)


def load_tenants(path: str) -> dict[str, Tenant]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)["tenants"]
    return {name: Tenant(name, t["dsn"], t["webhook"], tuple(t["rooms"])) for name, t in raw.items()}


class TenantPools:
    def __init__(self, tenants: dict[str, Tenant]):
        self.tenants = tenants
        self.by_room = {room: t for t in tenants.values() for room in t.rooms}
        self._pools: dict[str, asyncpg.Pool] = {}
        self._lock = asyncio.Lock()

    def tenant_for_room(self, room_id: str) -> Tenant | None:
        return self.by_room.get(room_id)

    async def pool(self, tenant: Tenant) -> asyncpg.Pool:
        pool = self._pools.get(tenant.name)
        if pool is not None:
            return pool
        async with self._lock:
            if tenant.name not in self._pools:
                self._pools[tenant.name] = await asyncpg.create_pool(tenant.dsn, min_size=1, max_size=4)
            return self._pools[tenant.name]

    async def close(self) -> None:
        for pool in self._pools.values():
            await pool.close()
        self._pools.clear()
