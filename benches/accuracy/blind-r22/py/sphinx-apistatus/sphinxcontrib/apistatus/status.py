"""Clients used during one Sphinx build."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import httpx
import psycopg


@dataclass(frozen=True)
class EndpointInfo:
    status: str
    deprecated_on: date | None


class StatusClients:
    def __init__(self, conn: psycopg.Connection, http: httpx.Client) -> None:
        self.conn = conn
        self.http = http
        self._health: dict[str, str] | None = None
        self._cache: dict[str, EndpointInfo] = {}

    @classmethod
    def open(cls, dsn: str, health_url: str) -> "StatusClients":
        conn = psycopg.connect(dsn, autocommit=True, connect_timeout=5)
        http = httpx.Client(base_url=health_url, timeout=10)
        return cls(conn, http)

    def _health_map(self) -> dict[str, str]:
        if self._health is None:
            resp = self.http.get("/api/v2/endpoints")
            resp.raise_for_status()
            self._health = {e["path"]: e["status"] for e in resp.json()["endpoints"]}
        return self._health

    def lookup(self, endpoint: str) -> EndpointInfo:
        if endpoint not in self._cache:
            row = self.conn.execute(
                "SELECT deprecated_on FROM api_endpoints WHERE path = %s", (endpoint,)
            ).fetchone()
            self._cache[endpoint] = EndpointInfo(
                status=self._health_map().get(endpoint, "unknown"),
                deprecated_on=row[0] if row else None,
            )
        return self._cache[endpoint]

    def close(self) -> None:
        try:
            self.http.close()
        finally:
            self.conn.close()
