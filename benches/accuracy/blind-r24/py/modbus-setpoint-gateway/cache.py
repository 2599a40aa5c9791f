"""Redis helpers for the BMS dashboard fan-out."""
import os

import redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://bms-redis:6379/0")
CHANNEL = "bms:setpoints"


def make_redis() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL, socket_timeout=2)


def last_setpoints(bus: redis.Redis) -> dict[str, float]:
    """Dashboard helper: latest value per point, kept in a hash."""
    raw = bus.hgetall("bms:setpoints:last")
    return {k.decode(): float(v) for k, v in raw.items()}


def remember_setpoint(bus: redis.Redis, zone: str, point: str, value: float) -> None:
    bus.hset("bms:setpoints:last", f"{zone}.{point}", value)
