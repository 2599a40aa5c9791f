"""Database helpers shared by the listener daemon and the weekly digest job.

Each of those is its own process; each calls make_pool() once.
"""
import logging
import os
import time

import psycopg
from psycopg_pool import ConnectionPool

log = logging.getLogger("playlog.db")

DSN = os.environ.get("PLAYLOG_DSN", "postgresql://playlog@nas.lan/playlog")


def wait_for_db(attempts=20, delay=5.0):
    """The NAS boots slower than the Pi after a power cut: probe until Postgres answers."""
    for attempt in range(1, attempts + 1):
        try:
            with psycopg.connect(DSN, connect_timeout=5) as probe:
                probe.execute("SELECT 1")
            return
        except psycopg.OperationalError as err:
            if attempt == attempts:
                raise
            log.info("postgres not up yet (%s), attempt %d/%d", err, attempt, attempts)
            time.sleep(delay)


def make_pool(max_size=3):
    return ConnectionPool(DSN, min_size=1, max_size=max_size, name="playlog")
