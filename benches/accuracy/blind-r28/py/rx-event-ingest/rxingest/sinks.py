"""ClickHouse sink: each tenant lives on its own ClickHouse service, one client per tenant."""
import logging
import os
import threading
from collections import defaultdict

import clickhouse_connect
from clickhouse_connect.driver.client import Client

log = logging.getLogger(__name__)

COLUMNS = ["tenant", "type", "ts", "user_id", "country", "city", "asn", "props"]


class TenantClickHouseSink:
    """Keeps one ClickHouse client per tenant for the life of the process."""

    def __init__(self, hosts: dict[str, str]):
        self._hosts = hosts
        self._clients: dict[str, Client] = {}
        self._lock = threading.Lock()

    def _client(self, tenant: str) -> Client:
        client = self._clients.get(tenant)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(tenant)
            if client is None:
                client = clickhouse_connect.get_client(
                    host=self._hosts.get(tenant, self._hosts["default"]),
                    username=os.environ.get("CH_USER", "ingest"),
                    password=os.environ.get("CH_PASSWORD", ""),
                    database=f"events_{tenant}",
                    secure=True,
                )
                self._clients[tenant] = client
        return client

    def write_batch(self, rows: list[dict]) -> None:
        if not rows:
            return
        by_tenant: dict[str, list[list]] = defaultdict(list)
        for row in rows:
            by_tenant[row["tenant"]].append([row[c] for c in COLUMNS])
        for tenant, data in by_tenant.items():
            self._client(tenant).insert("events", data, column_names=COLUMNS)
        log.info("wrote %d events for %d tenants", len(rows), len(by_tenant))

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
