"""IPAM database access (Postgres, `cidr` allocations keyed by composite UID)."""
import logging
import os
import time

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("function.ipam")

IPAM_DSN = os.environ.get("IPAM_DSN", "postgresql://xfn_ipam@pg-ipam.platform/ipam")


def connect_ipam(attempts: int = 10) -> ConnectionPool:
    """Open the pool once at start-up; wait for the DB, giving up after a while."""
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(IPAM_DSN, min_size=1, max_size=4, open=True)
        try:
            pool.wait(timeout=10)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("IPAM database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 * attempt, 15))
    raise RuntimeError("IPAM database unreachable")


def allocate_cidr(pool: ConnectionPool, composite_uid: str, supernet: str, prefix: int) -> str:
    """Idempotent: returns the existing allocation for the composite if any."""
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT cidr::text FROM allocations WHERE owner_uid = %s", (composite_uid,)
        ).fetchone()
        if row:
            return row[0]
        row = conn.execute(
            "SELECT ipam_allocate(%s::cidr, %s, %s)::text", (supernet, prefix, composite_uid)
        ).fetchone()
        return row[0]
