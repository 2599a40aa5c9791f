import os

from opensearchpy import AsyncOpenSearch

# One OpenSearch cluster per site; clients are created lazily and reused.
SITE_HOSTS = {
    "ams": os.environ.get("OS_AMS", "https://os-ams.internal:9200"),
    "fra": os.environ.get("OS_FRA", "https://os-fra.internal:9200"),
    "lon": os.environ.get("OS_LON", "https://os-lon.internal:9200"),
}

_clients: dict[str, AsyncOpenSearch] = {}


def for_site(site: str) -> AsyncOpenSearch:
    client = _clients.get(site)
    if client is None:
        client = AsyncOpenSearch(hosts=[SITE_HOSTS[site]], http_compress=True)
        _clients[site] = client
    return client


async def close_all() -> None:
    for client in _clients.values():
        await client.close()
    _clients.clear()
