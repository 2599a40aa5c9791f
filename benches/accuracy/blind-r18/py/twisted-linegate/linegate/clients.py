import redis
import requests
from requests.adapters import HTTPAdapter

from . import settings


def make_redis() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)


def make_http() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(pool_connections=4, pool_maxsize=8, max_retries=2))
    session.headers["User-Agent"] = "linegate/0.6"
    return session
