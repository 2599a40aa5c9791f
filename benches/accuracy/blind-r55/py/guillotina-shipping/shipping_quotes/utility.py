import asyncio
import json
import logging
import os
from typing import Dict, List, Optional

import httpx
import redis.asyncio as aioredis
from zope.interface import Interface, implementer

logger = logging.getLogger("shipping_quotes")


class IRatesUtility(Interface):
    pass


def _secret(value: str) -> str:
    return os.environ.get(value[4:], "") if value.startswith("env:") else value


@implementer(IRatesUtility)
class RatesUtility:
    """Holds one Redis client and one carrier HTTP client per configured shop."""

    def __init__(self, settings=None, loop=None):
        self._settings = settings or {}
        self._tenants: Dict[str, dict] = self._settings.get("tenants", {})
        self._ttl = int(self._settings.get("quote_ttl", 900))
        self._clients: Dict[str, httpx.AsyncClient] = {}
        self._lock = asyncio.Lock()
        self._redis: Optional[aioredis.Redis] = None

    async def initialize(self, app=None):
        self._redis = aioredis.from_url(self._settings["redis_url"], decode_responses=True)
        await self._redis.ping()
        logger.info("rates utility ready for shops: %s", ", ".join(sorted(self._tenants)) or "-")

    async def finalize(self, app=None):
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()
        if self._redis is not None:
            await self._redis.aclose()
            self._redis = None

    def knows(self, shop_id: str) -> bool:
        return shop_id in self._tenants

    async def client_for(self, shop_id: str) -> httpx.AsyncClient:
        """Carrier client for one shop; created once per shop and reused."""
        if shop_id not in self._tenants:
            raise KeyError(shop_id)
        client = self._clients.get(shop_id)
        if client is not None:
            return client
        async with self._lock:
            client = self._clients.get(shop_id)
            if client is None:
                conf = self._tenants[shop_id]
                client = httpx.AsyncClient(
                    base_url=conf["api_url"],
                    headers={
                        "Authorization": f"Bearer {_secret(conf['token'])}",
                        "X-Account": conf["account"],
                    },
                    timeout=httpx.Timeout(5.0, connect=2.0),
                    limits=httpx.Limits(max_connections=10, max_keepalive_connections=5),
                )
                self._clients[shop_id] = client
        return client

    async def quote(self, shop_id: str, origin: str, destination: str, weight_g: int) -> List[dict]:
        key = f"quote:{shop_id}:{origin}:{destination}:{weight_g}"
        cached = await self._redis.get(key)
        if cached is not None:
            return json.loads(cached)
        client = await self.client_for(shop_id)
        resp = await client.post(
            "/rates",
            json={"origin": origin, "destination": destination, "weight_g": weight_g},
        )
        resp.raise_for_status()
        rates = sorted(resp.json()["rates"], key=lambda r: r["price_cents"])
        await self._redis.setex(key, self._ttl, json.dumps(rates))
        return rates

    async def create_label(self, shop_id: str, payload: dict) -> dict:
        client = await self.client_for(shop_id)
        resp = await client.post("/labels", json=payload)
        resp.raise_for_status()
        return resp.json()

    async def invalidate(self, shop_id: str) -> int:
        removed = 0
        async for key in self._redis.scan_iter(match=f"quote:{shop_id}:*", count=500):
            removed += await self._redis.delete(key)
        return removed
