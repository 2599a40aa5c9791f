"""Long-running daemon on the home server (systemd unit listening-log.service)."""
import asyncio
import logging
import os

import asyncpg
import pyatv
from pyatv.const import Protocol

from listener import ListeningLog

log = logging.getLogger("listening-log")


async def main():
    logging.basicConfig(level=logging.INFO)
    loop = asyncio.get_running_loop()
    pool = await asyncpg.create_pool(os.environ["LISTENING_DSN"], min_size=1, max_size=4)
    room = os.environ.get("ATV_ROOM", "living-room")

    try:
        while True:
            found = await pyatv.scan(loop, identifier=os.environ["ATV_ID"], timeout=5)
            if not found:
                log.info("apple tv not found, rescanning in 30 s")
                await asyncio.sleep(30)
                continue
            conf = found[0]
            conf.set_credentials(Protocol.Companion, os.environ["ATV_COMPANION_CREDS"])
            conf.set_credentials(Protocol.AirPlay, os.environ["ATV_AIRPLAY_CREDS"])

            atv = await pyatv.connect(conf, loop)
            listener = ListeningLog(loop, pool, room)
            atv.listener = listener
            atv.push_updater.listener = listener
            atv.push_updater.start()
            await listener.gone.wait()
            atv.close()
            await asyncio.sleep(15)
    finally:
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
