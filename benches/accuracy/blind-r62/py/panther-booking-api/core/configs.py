import os

URLs = 'core.urls.url_routing'

REDIS = {
    'class': 'panther.db.connections.RedisConnection',
    'host': os.environ.get('REDIS_HOST', 'localhost'),
    'port': 6379,
    'db': 1,
}

TIMEZONE = 'Europe/Vienna'
