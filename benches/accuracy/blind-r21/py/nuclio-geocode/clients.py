"""Client factories, called from init_context exactly once per Nuclio worker."""
from __future__ import annotations

import os
import threading

import boto3
import httpx
from psycopg_pool import ConnectionPool


def make_pool() -> ConnectionPool:
    pool = ConnectionPool(
        conninfo=os.environ["GEOCODE_DSN"],
        min_size=1,
        max_size=4,
        timeout=10,
        name="geocode",
        open=False,
    )
    pool.open(wait=True, timeout=30)
    return pool


def make_geocoder() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("GEOCODER_URL", "https://geocoder.internal/v1"),
        headers={"X-Api-Key": os.environ.get("GEOCODER_KEY", "")},
        timeout=httpx.Timeout(5.0, connect=2.0),
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
    )


class RegionalS3:
    """One S3 client per AWS region, created the first time that region is used."""

    def __init__(self) -> None:
        self._clients: dict[str, object] = {}
        self._lock = threading.Lock()

    def for_region(self, region: str):
        with self._lock:
            client = self._clients.get(region)
            if client is None:
                client = boto3.client("s3", region_name=region)
                self._clients[region] = client
            return client
