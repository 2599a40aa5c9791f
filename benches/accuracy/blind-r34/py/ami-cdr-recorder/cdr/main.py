import asyncio
import logging
import os

from panoramisk import Manager

from cdr.clients import connect_pool, make_http
from cdr.handlers import CallEvents


async def run():
    pool = await connect_pool()
    http = make_http()
    events = CallEvents(pool, http)

    manager = Manager(
        host=os.environ.get("AMI_HOST", "127.0.0.1"),
        port=5038,
        username=os.environ.get("AMI_USER", "cdr"),
        secret=os.environ.get("AMI_SECRET", ""),
        ping_delay=10,
    )
    manager.register_event("Newchannel", events.on_new_channel)
    manager.register_event("Hangup", events.on_hangup)

    try:
        await manager.connect()
        await asyncio.Event().wait()
    finally:
        manager.close()
        await http.close()
        await pool.close()


def main():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(run())


if __name__ == "__main__":
    main()
