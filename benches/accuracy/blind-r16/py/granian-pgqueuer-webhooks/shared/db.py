import os

import asyncpg

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://relay:relay@postgres:5432/relay")


async def make_pool(*, min_size: int = 1, max_size: int = 10) -> asyncpg.Pool:
    """Build the process-wide pool. Each process calls this exactly once."""
    return await asyncpg.create_pool(
        DATABASE_URL,
        min_size=min_size,
        max_size=max_size,
        command_timeout=30,
        server_settings={"application_name": os.environ.get("APP_NAME", "relay")},
    )
