"""Client accessors shared by the retrieval chain.

The OpenSearch client is created on first use and memoised; the per-tenant
rerank clients are cached for the lifetime of the process.
"""
import os
import threading
from functools import lru_cache

import httpx
import redis
from opensearchpy import OpenSearch

answer_cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))


@lru_cache(maxsize=1)
def get_search_client() -> OpenSearch:
    return OpenSearch(
        hosts=[os.environ.get("OPENSEARCH_URL", "https://opensearch:9200")],
        http_auth=(os.environ.get("OPENSEARCH_USER", "admin"), os.environ.get("OPENSEARCH_PASSWORD", "")),
        verify_certs=True,
        pool_maxsize=20,
        timeout=10,
    )


_rerank_clients: dict[str, httpx.Client] = {}
_rerank_lock = threading.Lock()


def get_rerank_client(tenant: str) -> httpx.Client:
    """Each tenant has its own reranker deployment and API key."""
    client = _rerank_clients.get(tenant)
    if client is not None:
        return client
    with _rerank_lock:
        client = _rerank_clients.get(tenant)
        if client is None:
            client = httpx.Client(
                base_url=f"https://rerank-{tenant}.models.example.com",
                headers={"Authorization": f"Bearer {os.environ.get(f'RERANK_KEY_{tenant.upper()}', '')}"},
                timeout=httpx.Timeout(8.0, connect=2.0),
            )
            _rerank_clients[tenant] = client
    return client


def close_all():
    for client in list(_rerank_clients.values()):
        client.close()
    _rerank_clients.clear()
    if get_search_client.cache_info().currsize:
        get_search_client().close()
    answer_cache.close()
