"""Client factories. main() calls each of these once and closes the results on exit."""
from __future__ import annotations

import logging
import os
import time

import clickhouse_connect
import httpx
from clickhouse_connect.driver.client import Client
from clickhouse_connect.driver.exceptions import OperationalError

log = logging.getLogger("opsdash.clients")


def make_clickhouse(attempts: int = 5, delay: float = 2.0) -> Client:
    """Connect to ClickHouse, retrying while the VPN / tunnel comes up."""
    last_error: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            client = clickhouse_connect.get_client(
                host=os.environ.get("CH_HOST", "clickhouse.internal"),
                port=int(os.environ.get("CH_PORT", "8443")),
                username=os.environ.get("CH_USER", "opsdash"),
                password=os.environ.get("CH_PASSWORD", ""),
                database="ingest",
                secure=True,
            )
            break
        except OperationalError as exc:
            last_error = exc
            log.warning("clickhouse not reachable (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(delay * attempt)
    else:
        raise SystemExit(f"giving up on ClickHouse: {last_error}")
    return client


def make_status_api() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("STATUS_API", "https://status.internal/api"),
        headers={"Authorization": f"Bearer {os.environ.get('STATUS_TOKEN', '')}"},
        timeout=5.0,
    )
