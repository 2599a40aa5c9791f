"""Long-running ground-station service: records telemetry of one drone per process
(systemd unit per vehicle) and warns the ops channel about low battery."""
import asyncio
import logging
import os
from datetime import datetime, timezone

import aiohttp
from mavsdk import System

from .store import INSERT_POSITION, open_pool

log = logging.getLogger("recorder")


class Recorder:
    def __init__(self, drone: System, pool, http: aiohttp.ClientSession, flight_id: str):
        self.drone = drone
        self.pool = pool
        self.http = http
        self.flight_id = flight_id
        self.buffer = []
        self.low_battery_sent = False

    async def positions(self):
        # One item per telemetry update (several per second).
        async for pos in self.drone.telemetry.position():
            self.buffer.append(
                (
                    self.flight_id,
                    datetime.now(timezone.utc),
                    pos.latitude_deg,
                    pos.longitude_deg,
                    pos.absolute_altitude_m,
                    pos.relative_altitude_m,
                )
            )

    async def flusher(self):
        while True:
            await asyncio.sleep(2)
            if not self.buffer:
                continue
            rows, self.buffer = self.buffer, []
            async with self.pool.acquire() as conn:
                await conn.executemany(INSERT_POSITION, rows)

    async def battery(self):
        async for bat in self.drone.telemetry.battery():
            if bat.remaining_percent < 0.25 and not self.low_battery_sent:
                self.low_battery_sent = True
                async with self.http.post(
                    os.environ["OPS_WEBHOOK"],
                    json={"text": f"{self.flight_id}: battery at {bat.remaining_percent:.0%}"},
                ) as resp:
                    if resp.status >= 300:
                        log.warning("ops webhook returned %s", resp.status)
            elif bat.remaining_percent > 0.5:
                self.low_battery_sent = False

    async def flight_modes(self):
        async for mode in self.drone.telemetry.flight_mode():
            async with self.pool.acquire() as conn:
                await conn.execute(
                    "INSERT INTO flight_mode_changes (flight_id, ts, mode) VALUES ($1, now(), $2)",
                    self.flight_id,
                    str(mode),
                )


async def run() -> None:
    logging.basicConfig(level=logging.INFO)
    drone = System()
    await drone.connect(system_address=os.environ.get("MAVLINK_ADDRESS", "udp://:14540"))
    async for state in drone.core.connection_state():
        if state.is_connected:
            break

    pool = await open_pool(os.environ["FLIGHTLOG_DSN"])
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
    flight_id = f"{os.environ.get('VEHICLE_ID', 'uav1')}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}"
    rec = Recorder(drone, pool, http, flight_id)
    try:
        await asyncio.gather(rec.positions(), rec.flusher(), rec.battery(), rec.flight_modes())
    finally:
        await http.close()
        await pool.close()


def main() -> None:
    asyncio.run(run())


if __name__ == "__main__":
    main()
