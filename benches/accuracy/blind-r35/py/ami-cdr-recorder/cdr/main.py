import asyncio
import logging
import os

import redis.asyncio as aioredis
from panoramisk import Manager

from . import handlers


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    manager = Manager(
        loop=loop,
        host=os.environ.get("AMI_HOST", "127.0.0.1"),
        port=int(os.environ.get("AMI_PORT", "5038")),
        username=os.environ.get("AMI_USER", "cdr"),
        secret=os.environ["AMI_SECRET"],
        ping_delay=10,
    )
    cache = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    handlers.register(manager, cache)

    loop.run_until_complete(manager.connect())
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        manager.close()
        loop.run_until_complete(cache.aclose())
        loop.close()


if __name__ == "__main__":
    main()
