"""One-off: re-enqueue every undelivered event for a source.

    relay-backfill stripe
"""
import asyncio
import sys

import asyncpg
from pgqueuer.db import AsyncpgDriver
from pgqueuer.queries import Queries

from shared.db import DATABASE_URL


async def backfill(source: str) -> int:
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        ids = await conn.fetch(
            "SELECT id FROM inbound_events WHERE source = $1 AND delivered_at IS NULL ORDER BY id",
            source,
        )
        queries = Queries(AsyncpgDriver(conn))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            await queries.enqueue(["deliver"] * len(chunk), [str(r["id"]).encode() for r in chunk], [0] * len(chunk))
        return len(ids)
    finally:
        await conn.close()


def cli() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: relay-backfill SOURCE")
    count = asyncio.run(backfill(sys.argv[1]))
    print(f"re-enqueued {count} events")


if __name__ == "__main__":
    cli()
