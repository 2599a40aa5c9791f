"""Database pool factory for the fulfilment ops agent.

make_pool() is called once from main(); the pool is injected into the tools.
"""
import logging
import os

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("ops-agent.db")

FULFILMENT_DSN = os.environ.get(
    "FULFILMENT_DSN", "postgresql://agent_ro@pg-fulfilment/fulfilment"
)


def make_pool() -> ConnectionPool:
    pool = ConnectionPool(
        FULFILMENT_DSN,
        min_size=1,
        max_size=4,
        kwargs={"application_name": "ops-agent", "options": "-c default_transaction_read_only=on"},
        open=True,
    )
    try:
        pool.wait(timeout=30)
    except PoolTimeout:
        pool.close()
        raise SystemExit("fulfilment database is not reachable")
    log.info("fulfilment pool ready")
    return pool
