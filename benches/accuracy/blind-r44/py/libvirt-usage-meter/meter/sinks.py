"""Per-tenant ClickHouse clients.

Clients are created on the first event for a tenant and then reused for
every later event of that tenant. Only tenants listed in tenants.yaml
can ever get a client, so the cache is bounded.
"""
import logging
import os
import threading

import clickhouse_connect
import yaml

log = logging.getLogger("meter.sinks")

TENANTS_FILE = os.environ.get("METER_TENANTS", "/etc/meter/tenants.yaml")
CH_USER = os.environ.get("CH_USER", "meter")
CH_PASSWORD = os.environ.get("CH_PASSWORD", "")

with open(TENANTS_FILE) as fh:
    TENANTS = yaml.safe_load(fh)["tenants"]

_clients = {}
_lock = threading.Lock()


def client_for(tenant):
    if tenant not in TENANTS:
        return None
    with _lock:
        client = _clients.get(tenant)
        if client is None:
            cfg = TENANTS[tenant]
            client = clickhouse_connect.get_client(
                host=cfg["host"],
                username=CH_USER,
                password=CH_PASSWORD,
                database=cfg["database"],
                secure=True,
            )
            _clients[tenant] = client
            log.info("opened ClickHouse client for %s", tenant)
        return client


def close_all():
    with _lock:
        for tenant, client in _clients.items():
            client.close()
        _clients.clear()
