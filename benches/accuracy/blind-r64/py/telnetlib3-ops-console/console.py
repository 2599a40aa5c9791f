"""Telnet console for the old RF handhelds on the warehouse floor.

The handhelds only speak VT100 over telnet, so each scanner session is a
telnet connection and every scanned/typed line is one command.
"""
import asyncio
import logging
import os

import asyncpg
import redis.asyncio as aioredis
import telnetlib3

from commands import COMMANDS

log = logging.getLogger("console")

PROMPT = "\r\nWMS> "


async def read_line(reader, writer) -> str | None:
    buf = ""
    while True:
        ch = await reader.read(1)
        if not ch:
            return None
        if ch in ("\r", "\n"):
            if buf:
                return buf
            continue
        if ch in ("\x7f", "\b"):
            buf = buf[:-1]
            continue
        writer.echo(ch)
        buf += ch


def make_shell(pool: asyncpg.Pool, cache: aioredis.Redis):
    async def shell(reader, writer):
        peer = writer.get_extra_info("peername")
        log.info("scanner connected from %s", peer)
        writer.write("ACME WMS floor console\r\n")
        try:
            while True:
                writer.write(PROMPT)
                await writer.drain()
                line = await read_line(reader, writer)
                if line is None or line.strip().lower() in ("quit", "exit"):
                    break
                name, *args = line.split()
                handler = COMMANDS.get(name.lower())
                if handler is None:
                    writer.write(f"\r\nunknown command {name!r}")
                    continue
                try:
                    reply = await handler(pool, cache, args)
                except (asyncpg.PostgresError, ValueError) as exc:
                    reply = f"error: {exc}"
                writer.write("\r\n" + reply)
        finally:
            log.info("scanner %s disconnected", peer)
            writer.close()

    return shell


async def connect_db(dsn: str, attempts: int = 10) -> asyncpg.Pool:
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=2, max_size=10, command_timeout=10)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            if attempt == attempts:
                raise
            log.warning("database not ready (%s), retry %d/%d", exc, attempt, attempts)
            await asyncio.sleep(min(2 ** attempt, 30))
    return pool


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await connect_db(os.environ["WMS_DATABASE_URL"])
    cache = aioredis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    server = await telnetlib3.create_server(
        host="0.0.0.0", port=int(os.environ.get("CONSOLE_PORT", "2323")),
        shell=make_shell(pool, cache),
    )
    log.info("console listening")
    try:
        await server.wait_closed()
    finally:
        await cache.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
