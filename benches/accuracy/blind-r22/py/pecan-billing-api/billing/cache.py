"""Process-wide Redis client, configured once from setup_app."""
import json

import redis

_client: redis.Redis | None = None


def configure(url: str) -> None:
    global _client
    if _client is None:
        _client = redis.Redis.from_url(url, decode_responses=True, health_check_interval=30)


def client() -> redis.Redis:
    if _client is None:
        raise RuntimeError("cache.configure() was not called")
    return _client


def get_json(key: str):
    raw = client().get(key)
    return json.loads(raw) if raw is not None else None


def put_json(key: str, value, ttl: int = 60) -> None:
    client().set(key, json.dumps(value, default=str), ex=ttl)


def forget(key: str) -> None:
    client().delete(key)
