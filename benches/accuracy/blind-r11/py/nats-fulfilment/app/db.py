import os

import asyncpg

# Supabase transaction-mode pooler (Supavisor) endpoint.
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://postgres.qzkrvbnmxw:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)
REPLICA_DATABASE_URL = os.environ.get("REPLICA_DATABASE_URL", "postgresql://reader@replica.internal:5432/fulfilment")


async def create_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(
        dsn=DATABASE_URL,
        min_size=2,
        max_size=10,
        command_timeout=15,
    )
