import json
import os
import threading
from dataclasses import dataclass

import requests
from elasticsearch import Elasticsearch
from psycopg_pool import ConnectionPool

# {"acme.com": "https://es.acme.internal:9200", "globex.com": "https://es.globex.internal:9200"}
TENANT_CLUSTERS = json.loads(os.environ.get("TENANT_CLUSTERS", "{}"))


class TenantSearch:
    """One Elasticsearch client per customer cluster, created on first use and kept."""

    def __init__(self, api_key: str):
        self._api_key = api_key
        self._clients: dict[str, Elasticsearch] = {}
        self._lock = threading.Lock()

    def for_domain(self, domain: str) -> Elasticsearch:
        url = TENANT_CLUSTERS.get(domain)
        if url is None:
            raise KeyError(f"no search cluster configured for {domain}")
        with self._lock:
            client = self._clients.get(domain)
            if client is None:
                client = Elasticsearch(url, api_key=self._api_key, request_timeout=10)
                self._clients[domain] = client
            return client

    def close(self):
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()


@dataclass
class Services:
    roster_pool: ConnectionPool
    pagerduty: requests.Session
    search: TenantSearch

    def close(self):
        self.search.close()
        self.pagerduty.close()
        self.roster_pool.close()


def build_services() -> Services:
    pool = ConnectionPool(os.environ["ROSTER_DSN"], min_size=1, max_size=4, open=True)
    pd = requests.Session()
    pd.headers["Content-Type"] = "application/json"
    return Services(roster_pool=pool, pagerduty=pd, search=TenantSearch(os.environ["ES_API_KEY"]))
