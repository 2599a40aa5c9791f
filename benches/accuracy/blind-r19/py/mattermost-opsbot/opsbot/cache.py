import redis

from opsbot import settings

redis_client = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)


def remember_deploy(service: str, env: str, build_url: str) -> None:
    redis_client.hset(f"last-deploy:{env}", service, build_url)
