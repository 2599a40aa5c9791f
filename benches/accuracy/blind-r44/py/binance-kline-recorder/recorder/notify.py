"""Push the latest traded price to Redis for the dashboard."""
import json
import os

import redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")
TTL_SECONDS = 30


def publish_last_price(symbol, price, event_time_ms):
    r = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    payload = json.dumps({"symbol": symbol, "price": price, "ts": event_time_ms})
    pipe = r.pipeline(transaction=False)
    pipe.set(f"last:{symbol}", payload, ex=TTL_SECONDS)
    pipe.publish("prices", payload)
    pipe.execute()
