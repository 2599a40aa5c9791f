import json
import os
import threading
from functools import lru_cache

import redis
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

# {"acme": "redis://cache-acme:6379/0", "globex": "redis://cache-globex:6379/0"}
TENANT_REDIS = json.loads(os.environ.get("TENANT_REDIS_URLS", "{}"))

_redis_by_tenant: dict[str, redis.Redis] = {}
_redis_lock = threading.Lock()


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    return create_engine(
        os.environ["FORECAST_DB_URL"],
        pool_size=2,
        max_overflow=0,
        pool_pre_ping=True,
    )


def redis_for(tenant: str) -> redis.Redis:
    with _redis_lock:
        client = _redis_by_tenant.get(tenant)
        if client is None:
            client = redis.Redis.from_url(TENANT_REDIS[tenant], socket_timeout=5)
            _redis_by_tenant[tenant] = client
        return client
