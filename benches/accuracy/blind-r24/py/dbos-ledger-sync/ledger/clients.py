"""Shared clients for the ledger sync service."""
import os

import httpx
import redis
from psycopg_pool import ConnectionPool

# Accounting warehouse lives on Supabase; we go through the shared pooler
# (transaction mode) because the direct port is IPv6-only from our VPC.
LEDGER_DSN = os.environ.get(
    "LEDGER_DSN",
    "postgresql://postgres.abcdefghijkl:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)

ledger_pool = ConnectionPool(
    conninfo=LEDGER_DSN,
    min_size=1,
    max_size=8,
    open=True,
)

# Settlement API client shared by every workflow run in this process.
psp = httpx.Client(
    base_url=os.environ.get("PSP_API", "https://api.psp.example.com/v1"),
    headers={"Authorization": f"Bearer {os.environ.get('PSP_KEY', '')}"},
    timeout=30.0,
)


def get_redis() -> redis.Redis:
    """Return a Redis client for the rate/lock cache."""
    return redis.Redis.from_url(
        os.environ.get("REDIS_URL", "redis://localhost:6379/3"),
        decode_responses=True,
    )
