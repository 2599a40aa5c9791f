"""Process-wide clients shared by every tool call of every session in the `adk api_server` process."""
import atexit
import os
import threading
from functools import lru_cache

import httpx
from elasticsearch import Elasticsearch
from psycopg_pool import ConnectionPool

BILLING = httpx.Client(
    base_url=os.environ.get("BILLING_API_URL", "https://billing.internal/api"),
    headers={"Authorization": f"Bearer {os.environ.get('BILLING_API_TOKEN', '')}"},
    timeout=10.0,
)
atexit.register(BILLING.close)


@lru_cache(maxsize=1)
def orders_pool() -> ConnectionPool:
    pool = ConnectionPool(
        os.environ["ORDERS_DSN"],
        min_size=1,
        max_size=8,
        open=True,
        kwargs={"application_name": "support-agent"},
    )
    atexit.register(pool.close)
    return pool


_KB_TENANTS = frozenset(t.strip() for t in os.environ.get("KB_TENANTS", "acme,globex,initech").split(",") if t.strip())
_kb_clients: dict[str, Elasticsearch] = {}
_kb_lock = threading.Lock()


def kb_client(tenant: str) -> Elasticsearch:
    """One Elasticsearch client per tenant knowledge-base cluster, created on first use and reused."""
    if tenant not in _KB_TENANTS:
        raise ValueError(f"unknown tenant {tenant!r}")
    with _kb_lock:
        client = _kb_clients.get(tenant)
        if client is None:
            client = Elasticsearch(
                os.environ[f"KB_ES_URL_{tenant.upper()}"],
                api_key=os.environ["KB_ES_API_KEY"],
                request_timeout=10,
            )
            _kb_clients[tenant] = client
        return client


def _close_kb_clients() -> None:
    with _kb_lock:
        for client in _kb_clients.values():
            client.close()
        _kb_clients.clear()


atexit.register(_close_kb_clients)
