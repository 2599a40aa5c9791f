"""Factories for long-lived clients. Only triage.main.main() calls these."""
import asyncio
import logging
import os

import asyncpg
import httpx
from autogen_ext.models.openai import OpenAIChatCompletionClient
from redis.asyncio import Redis

log = logging.getLogger(__name__)

# Supabase transaction-mode pooler (Supavisor) on 6543.
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://postgres.abcdefghijklmnop:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
CRM_URL = os.environ.get("CRM_URL", "https://crm.example.com/api")


async def make_pool(attempts: int = 8) -> asyncpg.Pool:
    for attempt in range(1, attempts + 1):
        try:
            return await asyncpg.create_pool(
                DATABASE_URL,
                min_size=1,
                max_size=5,
                statement_cache_size=0,  # required behind a transaction pooler
                command_timeout=15,
            )
        except (OSError, asyncpg.PostgresError) as exc:
            log.warning("database not reachable (%s), retry %d/%d", exc, attempt, attempts)
            await asyncio.sleep(min(2**attempt, 30))
    raise RuntimeError("could not connect to the database")


def make_http() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=CRM_URL,
        headers={"Authorization": f"Bearer {os.environ.get('CRM_TOKEN', '')}"},
        timeout=10.0,
    )


def make_redis() -> Redis:
    return Redis.from_url(REDIS_URL, decode_responses=True)


def make_model_client() -> OpenAIChatCompletionClient:
    return OpenAIChatCompletionClient(model=os.environ.get("TRIAGE_MODEL", "gpt-4o-mini"))
