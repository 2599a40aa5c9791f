import redis
from django.conf import settings

# Imported once per process (from signals.py via AppConfig.ready).
cache = redis.Redis.from_url(settings.REDIS_URL)
