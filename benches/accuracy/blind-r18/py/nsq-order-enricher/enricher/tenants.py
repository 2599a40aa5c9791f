import threading

import redis

TENANT_REDIS = {
    "eu": "redis://redis-eu.internal:6379/0",
    "us": "redis://redis-us.internal:6379/0",
    "apac": "redis://redis-apac.internal:6379/0",
}


class TenantRedis:
    """One Redis client per tenant region, created on first use and reused."""

    def __init__(self, urls=TENANT_REDIS):
        self._urls = urls
        self._clients: dict[str, redis.Redis] = {}
        self._lock = threading.Lock()

    def get(self, tenant: str) -> redis.Redis:
        client = self._clients.get(tenant)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(tenant)
            if client is None:
                client = redis.Redis.from_url(self._urls[tenant], socket_timeout=2)
                self._clients[tenant] = client
            return client

    def close_all(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()
