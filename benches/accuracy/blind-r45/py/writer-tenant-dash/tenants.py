"""ClickHouse client per tenant cluster, created lazily and reused."""
import os
import threading

import clickhouse_connect

# Each tenant's usage events live on its own ClickHouse cluster.
TENANT_CLUSTERS = {
    "acme": "ch-eu-1.internal",
    "globex": "ch-eu-2.internal",
    "initech": "ch-us-1.internal",
}

_clients = {}
_lock = threading.Lock()


def usage_client(tenant):
    host = TENANT_CLUSTERS.get(tenant)
    if host is None:
        raise KeyError(f"unknown tenant {tenant!r}")
    client = _clients.get(tenant)
    if client is not None:
        return client
    with _lock:
        client = _clients.get(tenant)
        if client is None:
            client = clickhouse_connect.get_client(
                host=host,
                port=8443,
                secure=True,
                username=os.environ.get("CH_USER", "dashboard"),
                password=os.environ.get("CH_PASSWORD", ""),
                database=tenant,
            )
            _clients[tenant] = client
    return client
