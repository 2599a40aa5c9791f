"""Line-delimited JSON telemetry ingest over raw TCP (asyncio.Protocol)."""
import asyncio
import json
import logging
import os

import asyncpg
import redis.asyncio as aioredis

from telemetry.store import latest_for, parse_line, save_reading

log = logging.getLogger("telemetry")

# PgBouncer in transaction pooling mode sits in front of the readings database.
PG_DSN = os.environ.get("PG_DSN", "postgresql://ingest:secret@pgbouncer.internal:6432/telemetry")
ALARM_DSN = os.environ.get("ALARM_DSN", "postgresql://alarms:secret@alarms-db.internal:5432/alarms")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")


class TelemetryProtocol(asyncio.Protocol):
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool
        self.buffer = b""
        self.transport = None
        self.tasks: set[asyncio.Task] = set()

    def connection_made(self, transport):
        self.transport = transport
        self.peer = transport.get_extra_info("peername")
        self.presence = aioredis.Redis.from_url(REDIS_URL)
        log.info("device connected from %s", self.peer)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            if not line.strip():
                continue
            task = asyncio.get_running_loop().create_task(self.handle_line(line))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def handle_line(self, line: bytes) -> None:
        if line.startswith(b"?"):
            device_id = line[1:].decode().strip()
            latest = await latest_for(self.pool, device_id)
            self.transport.write(json.dumps(latest, default=str).encode() + b"\n")
            return
        reading = parse_line(line)
        await save_reading(self.pool, reading)
        await self.presence.set(f"device:{reading.device_id}:last_seen", reading.ts, ex=600)
        if reading.kind == "alarm":
            conn = await asyncpg.connect(ALARM_DSN)
            try:
                await conn.execute(
                    "INSERT INTO alarms (device_id, value) VALUES ($1, $2)",
                    reading.device_id,
                    reading.value,
                )
            finally:
                await conn.close()

    def connection_lost(self, exc):
        log.info("device %s disconnected", self.peer)


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await asyncpg.create_pool(PG_DSN, min_size=2, max_size=10)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: TelemetryProtocol(pool), "0.0.0.0", 7070)
    async with server:
        try:
            await server.serve_forever()
        finally:
            await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
