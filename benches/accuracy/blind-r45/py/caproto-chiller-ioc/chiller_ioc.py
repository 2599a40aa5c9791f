"""caproto IOC exposing the chiller PLC gateway as EPICS PVs.

  caproto-get CHILL:A:Setpoint
  caproto-put CHILL:A:Setpoint 17.5
"""
import os
from textwrap import dedent

import asyncpg
import httpx
import redis.asyncio as aioredis
from caproto import ChannelType
from caproto.server import PVGroup, ioc_arg_parser, pvproperty, run

# goes through PgBouncer (deploy/pgbouncer.ini, transaction pooling)
PLANT_DSN = os.environ.get("PLANT_DSN", "postgresql://ioc:ioc@pgbouncer.internal:6432/plant")
GATEWAY_URL = os.environ.get("PLC_GATEWAY_URL", "http://plc-gw.internal:8080")
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache.internal:6379/0")

MIN_SP, MAX_SP = 8.0, 24.0


class ChillerIOC(PVGroup):
    """One chiller loop: setpoint (writable), supply temperature, run state."""

    setpoint = pvproperty(value=18.0, precision=1, units="degC",
                          doc="Supply water setpoint")
    supply_temp = pvproperty(value=0.0, precision=2, units="degC", read_only=True)
    running = pvproperty(value="Off", enum_strings=["Off", "On"],
                         dtype=ChannelType.ENUM, read_only=True)

    def __init__(self, *args, chiller_id="A", **kwargs):
        super().__init__(*args, **kwargs)
        self.chiller_id = chiller_id
        self.pool = None
        self.http = None

    @setpoint.startup
    async def setpoint(self, instance, async_lib):
        self.http = httpx.AsyncClient(base_url=GATEWAY_URL, timeout=3.0)
        self.pool = await asyncpg.create_pool(PLANT_DSN, min_size=1, max_size=4)
        current = await self.http.get(f"/chillers/{self.chiller_id}/setpoint")
        await instance.write(value=current.json()["value"], verify_value=False)

    @setpoint.putter
    async def setpoint(self, instance, value):
        conn = await self.pool.acquire()
        await conn.execute(
            "INSERT INTO setpoint_changes (chiller, old_value, new_value, changed_at)"
            " VALUES ($1, $2, $3, now())",
            self.chiller_id, instance.value, value,
        )
        if not MIN_SP <= value <= MAX_SP:
            raise ValueError(f"setpoint {value} outside {MIN_SP}..{MAX_SP}")
        resp = await self.http.put(f"/chillers/{self.chiller_id}/setpoint",
                                   json={"value": value})
        resp.raise_for_status()
        await self.pool.release(conn)
        return value

    @supply_temp.scan(period=2.0)
    async def supply_temp(self, instance, async_lib):
        resp = await self.http.get(f"/chillers/{self.chiller_id}/status")
        status = resp.json()
        await instance.write(value=status["supply_temp"])
        await self.running.write(value="On" if status["running"] else "Off")

        cache = aioredis.Redis.from_url(REDIS_URL)
        await cache.hset(f"chiller:{self.chiller_id}", mapping={
            "supply_temp": status["supply_temp"],
            "running": int(status["running"]),
        })
        await cache.aclose()

    @supply_temp.shutdown
    async def supply_temp(self, instance, async_lib):
        if self.http is not None:
            await self.http.aclose()
        if self.pool is not None:
            await self.pool.close()


def main():
    ioc_options, run_options = ioc_arg_parser(
        default_prefix="CHILL:A:",
        desc=dedent(ChillerIOC.__doc__),
    )
    ioc = ChillerIOC(chiller_id=os.environ.get("CHILLER_ID", "A"), **ioc_options)
    run(ioc.pvdb, **run_options)


if __name__ == "__main__":
    main()
