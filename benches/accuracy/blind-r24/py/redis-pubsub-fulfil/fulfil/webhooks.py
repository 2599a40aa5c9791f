"""Per-tenant webhook clients: each merchant has its own base URL, mTLS cert
and timeout, so we keep one httpx.Client per tenant for the process lifetime."""
import threading

import httpx


class TenantWebhooks:
    def __init__(self, tenants: dict[str, dict]):
        self._tenants = tenants
        self._clients: dict[str, httpx.Client] = {}
        self._lock = threading.Lock()

    def client_for(self, tenant_id: str) -> httpx.Client:
        client = self._clients.get(tenant_id)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(tenant_id)
            if client is None:
                cfg = self._tenants[tenant_id]
                client = httpx.Client(
                    base_url=cfg["webhook_base"],
                    cert=(cfg["cert_file"], cfg["key_file"]) if cfg.get("cert_file") else None,
                    timeout=cfg.get("timeout", 10.0),
                    headers={"X-Fulfil-Tenant": tenant_id},
                )
                self._clients[tenant_id] = client
            return client

    def close_all(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
