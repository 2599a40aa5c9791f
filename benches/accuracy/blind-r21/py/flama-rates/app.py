"""FX rate quoting service (Flama on uvicorn).

Run: uvicorn app:app --host 0.0.0.0 --port 8080 --workers 4
"""
from __future__ import annotations

import logging
import os

import asyncpg
import flama
from flama import Flama

from components import FxProviderComponent, PoolComponent, state
from routes import register_routes

log = logging.getLogger("rates")

# Postgres is reached through the shared PgBouncer (transaction pooling, port 6543).
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://rates:rates@pgbouncer.internal:6543/rates"
)


async def open_pool() -> None:
    state.pool = await asyncpg.create_pool(
        dsn=DATABASE_URL,
        min_size=2,
        max_size=10,
        command_timeout=10,
    )
    log.info("asyncpg pool ready (%s)", DATABASE_URL.rsplit("@", 1)[-1])


async def close_pool() -> None:
    if state.pool is not None:
        await state.pool.close()
        state.pool = None


app = Flama(
    title="FX rates",
    version="2.3.0",
    description="Quotes and booked conversions",
    components=[PoolComponent(), FxProviderComponent()],
    events={"startup": [open_pool], "shutdown": [close_pool]},
)
register_routes(app)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    flama.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
