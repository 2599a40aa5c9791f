"""One Mongo client per tenant cluster, created lazily and kept for the process lifetime."""
import json
import os

from motor.motor_asyncio import AsyncIOMotorClient

# {"acme": "mongodb+srv://...", "globex": "mongodb+srv://..."}
TENANT_CLUSTERS: dict[str, str] = json.loads(os.environ.get("TENANT_CLUSTERS", "{}"))


class TenantClients:
    def __init__(self, clusters: dict[str, str]) -> None:
        self._clusters = clusters
        self._clients: dict[str, AsyncIOMotorClient] = {}

    def __contains__(self, tenant: str) -> bool:
        return tenant in self._clusters

    def database(self, tenant: str):
        client = self._clients.get(tenant)
        if client is None:
            client = AsyncIOMotorClient(self._clusters[tenant], maxPoolSize=20, appname="orders-api")
            self._clients[tenant] = client
        return client[f"orders_{tenant}"]

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()
