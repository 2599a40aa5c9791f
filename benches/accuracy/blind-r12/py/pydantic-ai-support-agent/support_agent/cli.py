"""Interactive terminal session: `support-agent --customer 4242`."""
from __future__ import annotations

import argparse
import asyncio
import os

import asyncpg
import httpx

from .agent import Deps, agent

# Supabase transaction pooler; prepared statements are disabled below.
DB_URL = os.environ.get(
    "SUPPORT_DB_URL",
    "postgresql://postgres.abcdefghijklmnop:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)


async def chat(customer_id: int) -> None:
    async with (
        asyncpg.create_pool(DB_URL, min_size=1, max_size=3, statement_cache_size=0) as pool,
        httpx.AsyncClient(
            base_url=os.environ.get("CARRIER_API", "https://api.carrier.example.com"),
            headers={"Authorization": f"Bearer {os.environ.get('CARRIER_TOKEN', '')}"},
            timeout=10.0,
        ) as carrier,
    ):
        deps = Deps(db=pool, carrier=carrier, customer_id=customer_id)
        history = []
        while True:
            question = await asyncio.to_thread(input, "you> ")
            if question.strip().lower() in {"quit", "exit"}:
                break
            result = await agent.run(question, deps=deps, message_history=history)
            history = result.all_messages()
            print(f"agent> {result.output}")


def run() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customer", type=int, required=True)
    args = parser.parse_args()
    asyncio.run(chat(args.customer))


if __name__ == "__main__":
    run()
