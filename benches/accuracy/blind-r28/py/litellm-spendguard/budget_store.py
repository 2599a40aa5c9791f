"""Spend ledger (Postgres) and live budget counters (Redis) for the LLM gateway."""
import os
from datetime import datetime, timezone
from decimal import Decimal

import asyncpg
import redis.asyncio as aioredis

LEDGER_DSN = os.environ.get("SPEND_LEDGER_DSN", "postgresql://gateway@ledger-db:5432/spend")
REDIS_URL = os.environ.get("BUDGET_REDIS_URL", "redis://budget-redis:6379/0")

_pool: asyncpg.Pool | None = None


async def get_pool() -> asyncpg.Pool:
    """The ledger pool is created lazily on first use and reused afterwards."""
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(
            LEDGER_DSN,
            min_size=10,
            max_size=120,
            command_timeout=10,
        )
    return _pool


def get_redis() -> aioredis.Redis:
    return aioredis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=0.3)


def month_key(team_id: str) -> str:
    return f"spend:{team_id}:{datetime.now(timezone.utc):%Y-%m}"


async def insert_spend(call_id: str, team_id: str, model: str, prompt_tokens: int,
                       completion_tokens: int, cost: float) -> None:
    pool = await get_pool()
    async with pool.acquire() as conn:
        await conn.execute(
            """
            INSERT INTO llm_spend (call_id, team_id, model, prompt_tokens, completion_tokens, cost_usd)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (call_id) DO NOTHING
            """,
            call_id,
            team_id,
            model,
            prompt_tokens,
            completion_tokens,
            Decimal(str(cost)),
        )


async def team_budget(team_id: str) -> Decimal | None:
    pool = await get_pool()
    async with pool.acquire() as conn:
        return await conn.fetchval(
            "SELECT monthly_budget_usd FROM team_budgets WHERE team_id = $1", team_id
        )
