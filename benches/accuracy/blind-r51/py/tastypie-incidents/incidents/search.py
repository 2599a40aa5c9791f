"""Clients shared by every request in this gunicorn worker."""
import threading

import redis
from django.conf import settings
from elasticsearch import Elasticsearch

# Per-process Redis client; it pools its own connections.
counters = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)

_clusters: dict[str, Elasticsearch] = {}
_clusters_lock = threading.Lock()


class UnknownTenant(Exception):
    pass


def cluster_for(tenant: str) -> Elasticsearch:
    """One Elasticsearch client per tenant cluster, built the first time that tenant searches."""
    client = _clusters.get(tenant)
    if client is not None:
        return client
    if tenant not in settings.SEARCH_CLUSTERS:
        raise UnknownTenant(tenant)
    with _clusters_lock:
        client = _clusters.get(tenant)
        if client is None:
            client = Elasticsearch(
                settings.SEARCH_CLUSTERS[tenant],
                api_key=settings.SEARCH_API_KEY,
                request_timeout=10,
            )
            _clusters[tenant] = client
        return client
