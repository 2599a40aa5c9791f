"""News search: one Elasticsearch cluster per region, one client per cluster."""
import os

from elasticsearch import AsyncElasticsearch

REGION_HOSTS = {
    "eu": os.environ.get("ES_EU_URL", "https://es-eu.internal:9200"),
    "us": os.environ.get("ES_US_URL", "https://es-us.internal:9200"),
    "apac": os.environ.get("ES_APAC_URL", "https://es-apac.internal:9200"),
}

_clients: dict[str, AsyncElasticsearch] = {}


def for_region(region: str) -> AsyncElasticsearch:
    if region not in REGION_HOSTS:
        raise KeyError(region)
    client = _clients.get(region)
    if client is None:
        client = AsyncElasticsearch(REGION_HOSTS[region], api_key=os.environ.get("ES_API_KEY"))
        _clients[region] = client
    return client


async def close_all() -> None:
    for client in _clients.values():
        await client.close()
    _clients.clear()
