"""Entry point: connects once, then hands the shared clients to the console."""
import logging
import os
import sys
import time

import httpx
from psycopg_pool import ConnectionPool, PoolTimeout

from opsconsole.console import OpsConsole

log = logging.getLogger("opsconsole")

DSN = os.environ.get("PAYMENTS_RO_DSN", "host=payments-replica.internal dbname=payments user=oncall_ro")
STATUS_API = os.environ.get("STATUS_API", "https://status.internal/api/v1")


def open_pool(attempts: int = 5) -> ConnectionPool:
    last_error = None
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(DSN, min_size=1, max_size=3, open=False, kwargs={"autocommit": True})
        try:
            pool.open(wait=True, timeout=5)
            break
        except PoolTimeout as exc:
            last_error = exc
            pool.close()
            log.warning("replica not reachable (attempt %d/%d), retrying", attempt, attempts)
            time.sleep(2 * attempt)
    else:
        raise SystemExit(f"giving up on {DSN!r}: {last_error}")
    return pool


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    pool = open_pool()
    http = httpx.Client(
        base_url=STATUS_API,
        headers={"Authorization": "Bearer " + os.environ.get("STATUS_TOKEN", "")},
        timeout=10,
    )
    app = OpsConsole(pool=pool, http=http)
    try:
        return app.cmdloop()
    finally:
        http.close()
        pool.close()


if __name__ == "__main__":
    sys.exit(main())
