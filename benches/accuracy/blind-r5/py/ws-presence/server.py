import asyncio
import functools
import json
import logging
import os
import signal
from urllib.parse import parse_qs, urlparse

import redis.asyncio as redis
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
CHANNEL = "presence"
log = logging.getLogger("presence")


async def relay(pubsub: redis.client.PubSub, websocket: ServerConnection) -> None:
    async for message in pubsub.listen():
        if message["type"] == "message":
            await websocket.send(message["data"])


async def handler(websocket: ServerConnection, r: redis.Redis) -> None:
    query = parse_qs(urlparse(websocket.request.path).query)
    user = query.get("user", ["anonymous"])[0]

    pubsub = r.pubsub()
    await pubsub.subscribe(CHANNEL)
    relay_task = asyncio.create_task(relay(pubsub, websocket))
    try:
        await r.sadd("online", user)
        await r.publish(CHANNEL, json.dumps({"user": user, "event": "join"}))
        async for raw in websocket:
            msg = json.loads(raw)
            if msg.get("type") == "typing":
                await r.publish(CHANNEL, json.dumps({"user": user, "event": "typing"}))
    except ConnectionClosed:
        pass
    finally:
        relay_task.cancel()
        await pubsub.unsubscribe(CHANNEL)
        await pubsub.aclose()
        await r.srem("online", user)
        await r.publish(CHANNEL, json.dumps({"user": user, "event": "leave"}))


async def main() -> None:
    r = redis.Redis.from_url(REDIS_URL, decode_responses=True, max_connections=200)

    # redis may still be starting when the container comes up
    for attempt in range(1, 11):
        try:
            await r.ping()
            break
        except redis.ConnectionError:
            log.warning("redis not ready (attempt %d)", attempt)
            await asyncio.sleep(min(2**attempt, 30))
    else:
        raise SystemExit("redis unavailable")

    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    try:
        async with serve(functools.partial(handler, r=r), "0.0.0.0", 8765):
            await stop
    finally:
        await r.aclose()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
