"""asyncpg pools used by the stock service."""
import os

import asyncpg

# Writes go through the PgBouncer fleet in front of the primary.
PRIMARY_DSN = os.environ.get(
    "STOCK_DATABASE_URL", "postgresql://stock:stock@pgbouncer.internal:6543/stock"
)
# Reporting queries go straight to the read replica.
REPLICA_DSN = os.environ.get(
    "STOCK_REPLICA_URL", "postgresql://stock_ro:stock@pg-replica.internal:5432/stock"
)


async def init_connection(conn: asyncpg.Connection) -> None:
    await conn.execute("SET application_name = 'stock-service'")


async def create_primary_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(
        dsn=PRIMARY_DSN,
        min_size=2,
        max_size=10,
        command_timeout=10,
        init=init_connection,
    )


async def create_reporting_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(
        dsn=REPLICA_DSN,
        min_size=10,
        max_size=120,
        command_timeout=60,
        statement_cache_size=0,
        init=init_connection,
    )
