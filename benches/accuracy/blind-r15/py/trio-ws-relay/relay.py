"""Price relay: browsers open ws://relay:8000/ and send {"region": "eu", "symbols": [...]};
the relay polls the regional price API and pushes updates every second."""
import functools
import json
import logging
import os

import trio
from pymongo import MongoClient
from trio_websocket import ConnectionClosed, WebSocketRequest, serve_websocket

from upstreams import REGION_URLS, UpstreamClients

log = logging.getLogger("relay")


async def handle(upstreams: UpstreamClients, audit, request: WebSocketRequest) -> None:
    ws = await request.accept()
    try:
        hello = json.loads(await ws.get_message())
        region = hello.get("region", "eu")
        symbols = [s.upper() for s in hello.get("symbols", [])][:50]
        if region not in REGION_URLS or not symbols:
            await ws.aclose(code=1008, reason="bad subscription")
            return

        await trio.to_thread.run_sync(
            functools.partial(
                audit.insert_one,
                {"remote": str(ws.remote), "region": region, "symbols": symbols},
            )
        )

        http = upstreams.for_region(region)
        while True:
            resp = await http.get("/v1/quotes", params={"symbols": ",".join(symbols)})
            if resp.status_code == 200:
                await ws.send_message(resp.text)
            await trio.sleep(1)
    except ConnectionClosed:
        pass


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    mongo = MongoClient(os.environ.get("MONGO_URL", "mongodb://mongo:27017"), maxPoolSize=10)
    audit = mongo.relay.subscriptions
    upstreams = UpstreamClients()
    try:
        await serve_websocket(
            functools.partial(handle, upstreams, audit),
            "0.0.0.0",
            int(os.environ.get("PORT", "8000")),
            ssl_context=None,
        )
    finally:
        with trio.CancelScope(shield=True):
            await upstreams.aclose()
        mongo.close()


if __name__ == "__main__":
    trio.run(main)
