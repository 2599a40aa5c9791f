"""Access to the shared finance ledger (behind the PgBouncer fleet, transaction mode)."""
import os

import asyncpg

LEDGER_DSN = os.environ.get(
    "LEDGER_DSN", "postgresql://billing_ro@pgbouncer.finance.internal:6543/ledger"
)

_pool: asyncpg.Pool | None = None


async def ledger_pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(LEDGER_DSN, min_size=1, max_size=5)
    return _pool


async def settled_since(account_id: int, since_ts: int) -> list[asyncpg.Record]:
    pool = await ledger_pool()
    async with pool.acquire() as conn:
        return await conn.fetch(
            "SELECT entry_id, amount, settled_at FROM settlements "
            "WHERE account_id = $1 AND settled_at >= to_timestamp($2)",
            account_id,
            since_ts,
        )
