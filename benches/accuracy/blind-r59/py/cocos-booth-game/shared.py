"""Factory shared by the kiosk game process and the score sync process.

Each process calls make_redis() exactly once from its own main(); the two
programs run as separate systemd units on the booth PC.
"""
import logging
import os
import time

import redis

log = logging.getLogger("booth")

REDIS_URL = os.environ.get("BOOTH_REDIS_URL", "redis://127.0.0.1:6379/0")
PENDING_QUEUE = "booth:scores:pending"
LEADERBOARD_KEY = "booth:leaderboard:today"


def make_redis(retries: int = 20) -> redis.Redis:
    """Connect to the local Redis, waiting for it to come up after boot."""
    client = redis.Redis.from_url(REDIS_URL, decode_responses=True, health_check_interval=30)
    for attempt in range(1, retries + 1):
        try:
            client.ping()
            break
        except redis.ConnectionError as exc:
            log.warning("redis not ready (attempt %d/%d): %s", attempt, retries, exc)
            time.sleep(1.5)
    else:
        client.close()
        raise SystemExit("local redis never came up")
    return client
