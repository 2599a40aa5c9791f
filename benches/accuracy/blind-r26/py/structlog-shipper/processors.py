"""structlog processors: every log call in the process runs through these."""
import threading

import httpx
from elasticsearch import Elasticsearch


class LokiShipper:
    """Pushes each event to Loki using a client that is created once and injected."""

    def __init__(self, http: httpx.Client, push_url: str, labels: dict):
        self._http = http
        self._push_url = push_url
        self._labels = labels

    def __call__(self, logger, method_name, event_dict):
        line = " ".join(f"{k}={v}" for k, v in event_dict.items())
        ts = str(int(event_dict.get("ts_ns", 0)))
        try:
            self._http.post(
                self._push_url,
                json={"streams": [{"stream": {**self._labels, "level": method_name},
                                   "values": [[ts, line]]}]},
                timeout=2.0,
            )
        except httpx.HTTPError:
            pass  # never let log shipping break the caller
        return event_dict


class TenantAuditIndexer:
    """Audit events go to each tenant's own Elasticsearch cluster.

    One client per tenant cluster, built the first time that tenant logs and
    reused for every later event from that tenant.
    """

    def __init__(self, clusters: dict[str, str], api_key: str):
        self._clusters = clusters
        self._api_key = api_key
        self._clients: dict[str, Elasticsearch] = {}
        self._lock = threading.Lock()

    def _client_for(self, tenant: str) -> Elasticsearch:
        client = self._clients.get(tenant)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(tenant)
            if client is None:
                client = Elasticsearch(self._clusters[tenant], api_key=self._api_key)
                self._clients[tenant] = client
            return client

    def __call__(self, logger, method_name, event_dict):
        tenant = event_dict.get("tenant")
        if event_dict.get("audit") and tenant in self._clusters:
            self._client_for(tenant).index(index=f"audit-{tenant}", document=dict(event_dict))
        return event_dict

    def close(self):
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
