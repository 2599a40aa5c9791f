import asyncio
import logging
import os
import signal

import asyncpg
import redis.asyncio as aioredis

from protocol import SyslogProtocol, batch_writer

log = logging.getLogger("syslog-ingest")
DSN = os.environ.get("DATABASE_URL", "postgresql://syslog:syslog@db.lan:5432/logs")


async def connect_pool(attempts=10):
    for attempt in range(1, attempts + 1):
        try:
            return await asyncpg.create_pool(DSN, min_size=1, max_size=4, command_timeout=30)
        except (OSError, asyncpg.PostgresError) as exc:
            log.warning("postgres not ready (attempt %d/%d): %s", attempt, attempts, exc)
            await asyncio.sleep(min(2 ** attempt, 30))
    raise SystemExit("could not reach postgres")


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await connect_pool()
    redis_client = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    queue: asyncio.Queue = asyncio.Queue(maxsize=50_000)

    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: SyslogProtocol(queue),
        local_addr=("0.0.0.0", int(os.environ.get("SYSLOG_PORT", "5514"))),
    )
    writer = asyncio.create_task(batch_writer(queue, pool, redis_client))

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()

    transport.close()
    writer.cancel()
    log.info("shutting down, %d packets dropped", protocol.dropped)
    await pool.close()
    await redis_client.aclose()


if __name__ == "__main__":
    asyncio.run(main())
