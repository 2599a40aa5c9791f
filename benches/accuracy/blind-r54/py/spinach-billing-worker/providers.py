"""HTTP clients for the payment providers, one per tenant.

Each tenant has its own provider account and credentials; clients are
created on first use and then reused by every job of that tenant.
"""
import os
import threading

import httpx

TENANT_PROVIDERS = {
    "acme": ("https://api.payfast.example", "PAYFAST_ACME_KEY"),
    "globex": ("https://api.payfast.example", "PAYFAST_GLOBEX_KEY"),
    "initech": ("https://gateway.eurocharge.example", "EUROCHARGE_INITECH_KEY"),
}

_clients: dict[str, httpx.Client] = {}
_lock = threading.Lock()


def client_for(tenant: str) -> httpx.Client:
    if tenant not in TENANT_PROVIDERS:
        raise KeyError(f"unknown tenant {tenant!r}")
    with _lock:
        client = _clients.get(tenant)
        if client is None:
            base_url, key_env = TENANT_PROVIDERS[tenant]
            client = httpx.Client(
                base_url=base_url,
                headers={"Authorization": f"Bearer {os.environ[key_env]}"},
                timeout=httpx.Timeout(10.0, connect=3.0),
            )
            _clients[tenant] = client
        return client


def close_all() -> None:
    with _lock:
        for client in _clients.values():
            client.close()
        _clients.clear()
