import json
import os
import threading
from functools import lru_cache

import clickhouse_connect
import httpx

# {"press-line": "https://alerts.example.com/hooks/press", "paint-shop": "https://..."}
ZONE_WEBHOOKS = json.loads(os.environ.get("ZONE_WEBHOOKS", "{}"))


@lru_cache(maxsize=1)
def clickhouse():
    return clickhouse_connect.get_client(
        host=os.environ.get("CLICKHOUSE_HOST", "clickhouse.internal"),
        username=os.environ.get("CLICKHOUSE_USER", "noisemon"),
        password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
        database="plant",
    )


class ZoneAlerts:
    """Each zone alerts a different safety team; keep one HTTP client per zone."""

    def __init__(self):
        self._clients: dict[str, httpx.Client] = {}
        self._lock = threading.Lock()

    def _client(self, zone: str) -> httpx.Client:
        with self._lock:
            client = self._clients.get(zone)
            if client is None:
                client = httpx.Client(base_url=ZONE_WEBHOOKS[zone], timeout=5)
                self._clients[zone] = client
            return client

    def send(self, zone: str, dba: float) -> None:
        if zone not in ZONE_WEBHOOKS:
            return
        self._client(zone).post("", json={"zone": zone, "level_dba": round(dba, 1)})

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
