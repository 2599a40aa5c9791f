"""Client factories. Only EndpointHandler.__init__ calls these (once per replica)."""
import os

import httpx
from pgvector.psycopg import register_vector
from psycopg_pool import ConnectionPool


def make_pool() -> ConnectionPool:
    return ConnectionPool(
        conninfo=os.environ["CATALOG_DSN"],
        min_size=1,
        max_size=8,
        configure=register_vector,
        kwargs={"autocommit": True},
        open=True,
    )


def make_http() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("PRICING_API", "https://pricing.internal.example"),
        timeout=httpx.Timeout(3.0),
        limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
    )
