"""Database helpers shared by the order subscribers."""
import os

import asyncpg

DSN = os.environ.get("DATABASE_URL", "postgresql://orders:orders@localhost:5432/orders")


async def get_conn() -> asyncpg.Connection:
    """Open a connection to the orders database."""
    return await asyncpg.connect(DSN, command_timeout=10)
