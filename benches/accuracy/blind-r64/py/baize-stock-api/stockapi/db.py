"""Pool factory shared by the web process and the reorder worker.

Each process calls make_pool() exactly once at start-up and keeps the
pool for its lifetime.
"""
import os

from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool


def make_pool(max_size: int = 10) -> AsyncConnectionPool:
    return AsyncConnectionPool(
        conninfo=os.environ["STOCK_DATABASE_URL"],
        min_size=1,
        max_size=max_size,
        kwargs={"row_factory": dict_row},
        open=False,
    )
