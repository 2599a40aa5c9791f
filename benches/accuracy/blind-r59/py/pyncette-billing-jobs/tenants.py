"""Per-tenant Elasticsearch clients.

Enterprise tenants have dedicated search clusters. We keep exactly one
AsyncElasticsearch per tenant for the lifetime of the scheduler process.
"""
import json
import os

from elasticsearch import AsyncElasticsearch

_CLUSTERS_FILE = os.environ.get("TENANT_CLUSTERS", "/etc/billing/search-clusters.json")
_SHARED_CLUSTER = os.environ.get("SHARED_SEARCH_URL", "https://search-shared.internal:9200")


def _load_cluster_map():
    try:
        with open(_CLUSTERS_FILE) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


class TenantSearchClients:
    def __init__(self):
        self._cluster_by_tenant = _load_cluster_map()
        self._clients: dict[str, AsyncElasticsearch] = {}

    def for_tenant(self, tenant_id: str) -> AsyncElasticsearch:
        url = self._cluster_by_tenant.get(tenant_id, _SHARED_CLUSTER)
        client = self._clients.get(url)
        if client is None:
            client = AsyncElasticsearch(
                url,
                api_key=os.environ.get("SEARCH_API_KEY"),
                request_timeout=10,
                max_retries=2,
            )
            self._clients[url] = client
        return client

    async def close_all(self):
        for client in self._clients.values():
            await client.close()
        self._clients.clear()
