"""Line protocol server for till terminals.

    BAL <card>
    ADD <card> <store> <receipt> <points>
    QUIT
"""
import asyncio
import logging
import os

import coredis

from pointsd import ledger, store

log = logging.getLogger("pointsd")
REDIS_URL = os.environ.get("POINTS_REDIS_URL", "redis://cache.internal:6379/2")


async def handle_terminal(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    """asyncio.start_server calls this once for every terminal that connects."""
    peer = writer.get_extra_info("peername")
    cache = coredis.Redis.from_url(REDIS_URL, decode_responses=True)
    log.info("terminal connected %s", peer)
    try:
        while line := await reader.readline():
            parts = line.decode().strip().split()
            if not parts:
                continue
            cmd = parts[0].upper()
            if cmd == "BAL" and len(parts) == 2:
                card = parts[1]
                cached = await cache.get(f"bal:{card}")
                if cached is None:
                    cached = str(await store.balance(card))
                    await cache.set(f"bal:{card}", cached, ex=30)
                writer.write(f"OK {cached}\n".encode())
            elif cmd == "ADD" and len(parts) == 5:
                card, store_id, receipt, points = parts[1:]
                try:
                    await ledger.post_entry(card, store_id, int(points), receipt)
                except ledger.AwardTooLarge as exc:
                    writer.write(f"ERR {exc}\n".encode())
                else:
                    await cache.delete([f"bal:{card}"])
                    writer.write(b"OK\n")
            elif cmd == "QUIT":
                break
            else:
                writer.write(b"ERR unknown command\n")
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()
        log.info("terminal disconnected %s", peer)


async def main():
    logging.basicConfig(level=logging.INFO)
    await store.init()
    await ledger.init()
    server = await asyncio.start_server(handle_terminal, "0.0.0.0", int(os.environ.get("PORT", "7300")))
    try:
        async with server:
            await server.serve_forever()
    finally:
        await ledger.close()
        await store.close()


if __name__ == "__main__":
    asyncio.run(main())
