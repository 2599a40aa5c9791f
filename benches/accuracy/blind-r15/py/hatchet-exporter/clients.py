"""Shared clients for the exporter worker process."""
import os
import threading

import boto3
import clickhouse_connect
from clickhouse_connect.driver.client import Client as ClickHouseClient
from psycopg_pool import ConnectionPool

# One pool per worker process; tasks borrow connections with `with pool.connection()`.
pool = ConnectionPool(os.environ["APP_DB_DSN"], min_size=1, max_size=8, open=False)

_ch_clients: dict[str, ClickHouseClient] = {}
_ch_lock = threading.Lock()

_s3 = None


def clickhouse_for(tenant: str) -> ClickHouseClient:
    """Each tenant has its own ClickHouse database; keep one client per tenant for the process."""
    with _ch_lock:
        client = _ch_clients.get(tenant)
        if client is None:
            client = clickhouse_connect.get_client(
                host=os.environ.get("CLICKHOUSE_HOST", "clickhouse"),
                username=os.environ.get("CLICKHOUSE_USER", "default"),
                password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
                database=f"events_{tenant}",
            )
            _ch_clients[tenant] = client
        return client


def s3():
    global _s3
    if _s3 is None:
        _s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    return _s3


def close_all() -> None:
    pool.close()
    with _ch_lock:
        for client in _ch_clients.values():
            client.close()
        _ch_clients.clear()
