import os

import redis

redis_client = redis.Redis.from_url(
    os.environ.get("LOYALTY_REDIS_URL", "redis://localhost:6379/4"),
    decode_responses=True,
    health_check_interval=30,
)


def balance_key(user_id: int) -> str:
    return f"loyalty:balance:{user_id}"
