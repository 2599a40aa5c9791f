"""Pool factory shared by the web app (startup event) and the reminders worker.

Each process calls make_pool() exactly once; nothing here runs per request.
"""
import os

import asyncpg


async def make_pool(max_size: int) -> asyncpg.Pool:
    return await asyncpg.create_pool(
        os.environ['BOOKING_DSN'],
        min_size=1,
        max_size=max_size,
        command_timeout=10,
    )
