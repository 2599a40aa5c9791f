import asyncio
import json
import logging
import os
import uuid

import redis
import requests
from autobahn.asyncio.websocket import WebSocketServerFactory, WebSocketServerProtocol
from pymongo import MongoClient

import storage

log = logging.getLogger("quotes")

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/1")
PRICING_URL = os.environ.get("PRICING_URL", "https://pricing.internal.example.com")

# one HTTP session for the whole server
pricing = requests.Session()
pricing.headers.update({"Accept": "application/json"})


class QuoteProtocol(WebSocketServerProtocol):
    def onConnect(self, request):
        self.client_id = str(uuid.uuid4())
        log.info("client %s connecting from %s", self.client_id, request.peer)

    def onOpen(self):
        self.cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)
        self.cache.sadd("quotes:online", self.client_id)

    async def onMessage(self, payload, isBinary):
        if isBinary:
            return
        msg = json.loads(payload.decode("utf8"))
        symbol = msg["symbol"].upper()

        if msg.get("action") == "subscribe":
            storage.record_subscription(self.client_id, symbol)

        cached = self.cache.get(f"quote:{symbol}")
        if cached is None:
            resp = await asyncio.to_thread(pricing.get, f"{PRICING_URL}/quotes/{symbol}", timeout=5)
            cached = resp.text
            self.cache.setex(f"quote:{symbol}", 2, cached)

        mongo = MongoClient(MONGO_URL, serverSelectionTimeoutMS=2000)
        mongo.quotes.requests.insert_one({"client": self.client_id, "symbol": symbol})

        quote = json.loads(cached)
        quote["prev_close"] = storage.last_close(symbol)
        self.sendMessage(json.dumps(quote).encode("utf8"), False)

    def onClose(self, wasClean, code, reason):
        if hasattr(self, "cache"):
            self.cache.srem("quotes:online", self.client_id)
        log.info("client %s closed: %s", getattr(self, "client_id", "?"), reason)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    factory = WebSocketServerFactory("ws://0.0.0.0:9000")
    factory.protocol = QuoteProtocol

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, "0.0.0.0", 9000))
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        loop.close()


if __name__ == "__main__":
    main()
