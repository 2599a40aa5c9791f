"""proxy.py plugin: block denied hosts, ask the policy service about internal
hosts, and write one audit row per proxied connection.

proxy.py creates a NEW plugin instance for every accepted client connection
(HttpProtocolHandler builds its plugins per connection)."""
import logging
import os
import time
from typing import Optional

import redis
import requests
from proxy.http.exception import HttpRequestRejected
from proxy.http.parser import HttpParser
from proxy.http.proxy import HttpProxyBasePlugin
from sqlalchemy import text

from .db import engine

log = logging.getLogger(__name__)

REDIS_URL = os.environ.get("EGRESS_REDIS_URL", "redis://cache:6379/2")
POLICY_URL = os.environ.get("EGRESS_POLICY_URL", "http://policy.internal:8080")


class EgressAuditPlugin(HttpProxyBasePlugin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.quota = redis.Redis.from_url(REDIS_URL, decode_responses=True)
        self.host: Optional[str] = None
        self.started = time.monotonic()
        self.bytes_down = 0

    def before_upstream_connection(self, request: HttpParser) -> Optional[HttpParser]:
        self.host = request.host.decode() if request.host else ""
        if self.quota.sismember("egress:blocked", self.host):
            raise HttpRequestRejected(status_code=403, reason=b"Egress blocked by policy")
        if self.quota.incr(f"egress:count:{self.host}") > 10_000:
            raise HttpRequestRejected(status_code=429, reason=b"Egress quota exceeded")
        return request

    def handle_client_request(self, request: HttpParser) -> Optional[HttpParser]:
        if self.host and self.host.endswith(".corp.example.com"):
            policy = requests.Session()
            policy.headers["X-Proxy"] = "egress-audit"
            resp = policy.get(f"{POLICY_URL}/v1/allow", params={"host": self.host}, timeout=2)
            if resp.status_code != 200 or not resp.json().get("allow"):
                raise HttpRequestRejected(status_code=403, reason=b"Denied by policy service")
        return request

    def handle_upstream_chunk(self, chunk: memoryview) -> memoryview:
        self.bytes_down += len(chunk)
        return chunk

    def on_upstream_connection_close(self) -> None:
        conn = engine.connect()
        conn.execute(
            text(
                "INSERT INTO egress_audit (host, bytes_down, duration_ms) "
                "VALUES (:h, :b, :d)"
            ),
            {
                "h": self.host,
                "b": self.bytes_down,
                "d": int((time.monotonic() - self.started) * 1000),
            },
        )
        conn.commit()
        log.info("egress %s %d bytes", self.host, self.bytes_down)
