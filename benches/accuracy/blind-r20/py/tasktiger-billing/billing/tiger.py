import redis
from tasktiger import TaskTiger

from .config import REDIS_URL

conn = redis.Redis.from_url(REDIS_URL, decode_responses=True)
tiger = TaskTiger(connection=conn, config={"DEFAULT_RETRY_METHOD": None})
