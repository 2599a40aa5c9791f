import asyncio
import logging

from asyncua import Client, ua

from . import settings
from .subscriptions import HistorianHandler


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    async with Client(url=settings.OPCUA_ENDPOINT, timeout=10) as client:
        nodes = [client.get_node(nid) for nid in settings.NODE_IDS]
        handler = HistorianHandler({n.nodeid.to_string(): n for n in nodes})

        sub = await client.create_subscription(500, handler)
        await sub.subscribe_data_change(nodes)
        await sub.subscribe_events(client.nodes.server, ua.ObjectIds.BaseEventType)

        while True:
            await asyncio.sleep(5)
            await client.check_connection()


if __name__ == "__main__":
    asyncio.run(main())
