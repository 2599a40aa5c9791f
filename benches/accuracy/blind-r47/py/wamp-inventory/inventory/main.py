import asyncio
import logging
import os

import httpx
from autobahn.asyncio.wamp import ApplicationRunner

from .clients import make_pool
from .session import InventoryComponent

ROUTER_URL = os.environ.get("CROSSBAR_URL", "ws://crossbar:8080/ws")
REALM = os.environ.get("CROSSBAR_REALM", "shop")
NOTIFY_URL = os.environ.get("NOTIFY_URL", "http://notifications:8000")


def main():
    logging.basicConfig(level=logging.INFO)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    pool = loop.run_until_complete(make_pool())
    http = httpx.AsyncClient(base_url=NOTIFY_URL, timeout=5.0)

    runner = ApplicationRunner(url=ROUTER_URL, realm=REALM, extra={"pool": pool, "http": http})
    loop.run_until_complete(runner.run(InventoryComponent, start_loop=False))
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        loop.run_until_complete(http.aclose())
        loop.run_until_complete(pool.close())
        loop.close()


if __name__ == "__main__":
    main()
