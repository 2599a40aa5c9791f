"""Plugin: indexes events into the tenant's Elasticsearch cluster."""
import threading

from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk

from relay.hookspecs import hookimpl

_lock = threading.Lock()
_clusters: dict[str, Elasticsearch] = {}
_cluster_urls: dict[str, str] = {}
_pending: list[dict] = []


def client_for(tenant: str) -> Elasticsearch:
    """One long-lived client per tenant cluster, created on first use."""
    with _lock:
        client = _clusters.get(tenant)
        if client is None:
            url = _cluster_urls.get(tenant, _cluster_urls["default"])
            client = Elasticsearch(url, request_timeout=10, retry_on_timeout=True)
            _clusters[tenant] = client
        return client


@hookimpl
def relay_configure(config):
    _cluster_urls.update(config["search"]["clusters"])


@hookimpl
def relay_event(event):
    _pending.append(event)


@hookimpl
def relay_flush():
    by_tenant: dict[str, list[dict]] = {}
    for event in _pending:
        by_tenant.setdefault(event.get("tenant", "default"), []).append(event)
    _pending.clear()
    for tenant, events in by_tenant.items():
        actions = (
            {"_index": f"events-{tenant}", "_id": e["id"], "_source": e} for e in events
        )
        bulk(client_for(tenant), actions, raise_on_error=False)


@hookimpl
def relay_unconfigure():
    with _lock:
        for client in _clusters.values():
            client.close()
        _clusters.clear()
