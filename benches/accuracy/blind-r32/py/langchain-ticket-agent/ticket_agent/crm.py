"""Per-tenant CRM API clients: one httpx.Client per tenant, reused across tickets."""
import threading

import httpx

_clients: dict[str, httpx.Client] = {}
_lock = threading.Lock()


def crm_client(tenant: str, base_url: str, token: str) -> httpx.Client:
    client = _clients.get(tenant)
    if client is not None:
        return client
    with _lock:
        client = _clients.get(tenant)
        if client is None:
            client = httpx.Client(
                base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10
            )
            _clients[tenant] = client
    return client


def close_all() -> None:
    with _lock:
        for client in _clients.values():
            client.close()
        _clients.clear()
