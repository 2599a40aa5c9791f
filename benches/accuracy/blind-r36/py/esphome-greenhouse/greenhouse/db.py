import os

import asyncpg

DATABASE_DSN = os.environ.get("GREENHOUSE_DSN", "postgresql://gh:gh@pg-gh.internal:5432/greenhouse")


async def make_pool(min_size=1, max_size=4):
    """Create the process-wide pool. Called once from each entry point's main()."""
    return await asyncpg.create_pool(
        DATABASE_DSN,
        min_size=min_size,
        max_size=max_size,
        command_timeout=10,
        server_settings={"application_name": "esphome-greenhouse"},
    )
