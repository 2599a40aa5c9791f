"""Silverback bot indexing an ERC-4626 vault.

    silverback run bot:bot --network ethereum:mainnet:alchemy

Silverback calls on_block once per new block (~every 12 s) and on_deposit
once per Deposit log emitted by the vault.
"""
import os
from typing import Annotated

import asyncpg
from ape import Contract, chain
from ape.api import BlockAPI
from taskiq import Context, TaskiqDepends, TaskiqState

from silverback import SilverbackBot, StateSnapshot

bot = SilverbackBot()

vault = Contract(os.environ["VAULT_ADDRESS"])

INDEXER_DSN = os.environ.get(
    "INDEXER_DSN",
    "postgresql://postgres.abcdefghijklmnop@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)
ANALYTICS_DSN = os.environ.get(
    "ANALYTICS_DSN", "postgresql://analytics@warehouse.internal:5432/analytics"
)


@bot.on_startup()
def bot_startup(startup_state: StateSnapshot):
    bot.state.deposits_seen = 0
    return {"block_number": startup_state.last_block_seen}


@bot.on_worker_startup()
async def worker_startup(state: TaskiqState):
    state.pool = await asyncpg.create_pool(INDEXER_DSN, min_size=1, max_size=5)


@bot.on_worker_shutdown()
async def worker_shutdown(state: TaskiqState):
    await state.pool.close()


@bot.on_(chain.blocks)
async def on_block(block: BlockAPI, context: Annotated[Context, TaskiqDepends()]):
    pool = context.state.pool
    conn = await pool.acquire()
    last = await conn.fetchval("SELECT max(block_number) FROM vault_snapshots")
    if last is not None and block.number - last < 25:
        # snapshot every ~5 minutes only
        return {"snapshot": 0}

    total_assets = vault.totalAssets(block_id=block.number)
    total_supply = vault.totalSupply(block_id=block.number)
    await conn.execute(
        "INSERT INTO vault_snapshots (block_number, ts, total_assets, total_supply)"
        " VALUES ($1, to_timestamp($2), $3::numeric, $4::numeric)",
        block.number,
        block.timestamp,
        str(total_assets),
        str(total_supply),
    )
    await pool.release(conn)
    return {"snapshot": 1}


@bot.on_(vault.Deposit)
async def on_deposit(log):
    bot.state.deposits_seen += 1
    conn = await asyncpg.connect(ANALYTICS_DSN)
    await conn.execute(
        "INSERT INTO vault_deposits (tx_hash, log_index, owner, assets, shares)"
        " VALUES ($1, $2, $3, $4::numeric, $5::numeric) ON CONFLICT DO NOTHING",
        str(log.transaction_hash),
        log.log_index,
        log.owner,
        str(log.assets),
        str(log.shares),
    )
    return {"deposit_assets": log.assets}
