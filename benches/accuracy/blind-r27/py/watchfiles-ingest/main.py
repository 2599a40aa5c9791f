"""Drop-folder ingester: partners upload CSV price lists over SFTP into INBOX_DIR.

Each batch of filesystem changes reported by watchfiles is ingested into MySQL
and mirrored into the OpenSearch product index.
"""
import asyncio
import logging
import os
import signal
from pathlib import Path

import aiomysql
from watchfiles import Change, awatch

from ingest import ingest_file
from search import index_rows

INBOX_DIR = Path(os.environ.get("INBOX_DIR", "/srv/sftp/inbox"))
DONE_DIR = Path(os.environ.get("DONE_DIR", "/srv/sftp/done"))

log = logging.getLogger("ingester")


def only_csv(change: Change, path: str) -> bool:
    return change in (Change.added, Change.modified) and path.endswith(".csv")


async def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    pool = await aiomysql.create_pool(
        host=os.environ.get("MYSQL_HOST", "mysql"),
        port=int(os.environ.get("MYSQL_PORT", "3306")),
        user=os.environ["MYSQL_USER"],
        password=os.environ["MYSQL_PASSWORD"],
        db=os.environ.get("MYSQL_DB", "catalog"),
        minsize=1,
        maxsize=5,
        autocommit=False,
    )
    log.info("watching %s", INBOX_DIR)
    try:
        async for changes in awatch(INBOX_DIR, watch_filter=only_csv, stop_event=stop, debounce=2000):
            for _change, path in sorted(changes, key=lambda c: c[1]):
                try:
                    rows = await ingest_file(pool, Path(path))
                except ValueError as exc:
                    log.error("rejected %s: %s", path, exc)
                    continue
                await index_rows(rows)
                Path(path).rename(DONE_DIR / Path(path).name)
                log.info("ingested %s (%d rows)", path, len(rows))
    finally:
        pool.close()
        await pool.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
