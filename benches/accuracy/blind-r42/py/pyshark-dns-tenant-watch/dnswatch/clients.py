"""Client construction for dnswatch. Everything here is called from main() only."""
import os
import threading

import httpx
from elasticsearch import Elasticsearch
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# VLAN id -> tenant, and the tenants that have their own Elasticsearch cluster
VLAN_TENANTS = {110: "acme", 120: "globex", 130: "initech"}
TENANT_ES = {
    "acme": os.environ.get("ES_ACME", "https://es-acme.internal:9200"),
    "globex": os.environ.get("ES_GLOBEX", "https://es-globex.internal:9200"),
    "initech": os.environ.get("ES_INITECH", "https://es-initech.internal:9200"),
}


def make_sessionmaker():
    engine = create_engine(os.environ["DNSWATCH_DB_URL"], pool_size=3, max_overflow=2, pool_pre_ping=True)
    return engine, sessionmaker(bind=engine, expire_on_commit=False)


def make_http():
    return httpx.Client(timeout=5.0, headers={"User-Agent": "dnswatch/2.1"})


class TenantSearch:
    """One Elasticsearch client per tenant, built on first use, shared by all packets."""

    def __init__(self, api_key: str):
        self._api_key = api_key
        self._clients: dict[str, Elasticsearch] = {}
        self._lock = threading.Lock()

    def for_tenant(self, tenant: str) -> Elasticsearch | None:
        url = TENANT_ES.get(tenant)
        if url is None:
            return None
        with self._lock:
            client = self._clients.get(tenant)
            if client is None:
                client = Elasticsearch(url, api_key=self._api_key, request_timeout=5, max_retries=2)
                self._clients[tenant] = client
            return client

    def close(self):
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
