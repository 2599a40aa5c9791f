import os
import threading
from dataclasses import dataclass, field

import httpx
from psycopg_pool import ConnectionPool

CARRIERS = {
    "dhl": "https://api-eu.dhl.com/parcel/de/shipping/v2",
    "ups": "https://onlinetools.ups.com/api/shipments/v2403",
    "postnl": "https://api.postnl.nl/shipment/v2_2",
}


@dataclass
class Services:
    pool: ConnectionPool
    notify: httpx.Client
    _carriers: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def carrier(self, name: str) -> httpx.Client:
        """One client per carrier (different base URL and credentials), reused forever."""
        if name not in CARRIERS:
            raise ValueError(f"unknown carrier {name}")
        with self._lock:
            client = self._carriers.get(name)
            if client is None:
                client = httpx.Client(
                    base_url=CARRIERS[name],
                    headers={"Authorization": f"Bearer {os.environ[f'{name.upper()}_TOKEN']}"},
                    timeout=15,
                )
                self._carriers[name] = client
            return client

    def close(self):
        for client in self._carriers.values():
            client.close()
        self.notify.close()
        self.pool.close()


def build_services() -> Services:
    pool = ConnectionPool(
        os.environ.get("ORDERS_DSN", "postgresql://orders@db:5432/orders"),
        min_size=2,
        max_size=8,
        open=True,
    )
    pool.wait(timeout=60)
    notify = httpx.Client(base_url=os.environ.get("NOTIFY_URL", "http://notify:8080"), timeout=5)
    return Services(pool=pool, notify=notify)
