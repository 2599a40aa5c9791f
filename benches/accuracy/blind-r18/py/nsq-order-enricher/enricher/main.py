import logging
import os
import time

import nsq
from psycopg_pool import ConnectionPool, PoolTimeout

from .handlers import OrderEnricher
from .tenants import TenantRedis

log = logging.getLogger("enricher")


def open_pool() -> ConnectionPool:
    """Start-up only: wait for Postgres, giving up after about a minute."""
    dsn = os.environ.get("PG_DSN", "host=pg dbname=orders user=enricher")
    for attempt in range(1, 13):
        pool = ConnectionPool(dsn, min_size=2, max_size=8, open=False)
        try:
            pool.open(wait=True, timeout=5)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("postgres not ready (attempt %d), retrying", attempt)
            time.sleep(5)
    raise SystemExit("postgres unavailable")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = open_pool()
    tenants = TenantRedis()

    nsq.Reader(
        message_handler=OrderEnricher(pool, tenants),
        lookupd_http_addresses=os.environ.get("NSQLOOKUPD", "http://nsqlookupd:4161").split(","),
        topic="orders",
        channel="enricher",
        max_in_flight=16,
    )
    try:
        nsq.run()
    finally:
        tenants.close_all()
        pool.close()


if __name__ == "__main__":
    main()
