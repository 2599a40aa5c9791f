"""Postgres connection management for linkwatch."""
import logging
import os
import time

import psycopg

log = logging.getLogger("linkwatch.store")

PG_DSN = os.environ.get("LINKWATCH_DSN", "postgresql://linkwatch@netdb.internal:5432/netops")

INSERT_LINK = """
INSERT INTO link_events (host, ifname, ifindex, operstate, carrier, event, seen_at)
VALUES (%s, %s, %s, %s, %s, %s, now())
"""
INSERT_ADDR = """
INSERT INTO addr_events (host, ifindex, address, prefixlen, event, seen_at)
VALUES (%s, %s, %s, %s, %s, now())
"""


def connect_with_retry(attempts=10, delay=2.0):
    """Open the single connection this daemon uses. Called at start-up,
    and again only after the previous connection has died."""
    last_error = None
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(PG_DSN, connect_timeout=5, application_name="linkwatch")
            log.info("connected to Postgres (attempt %d)", attempt)
            return conn
        except psycopg.OperationalError as exc:
            last_error = exc
            log.warning("Postgres not reachable (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise RuntimeError(f"giving up on Postgres: {last_error}")


def ensure_alive(conn):
    """Return a usable connection: the same one, or a replacement if it broke."""
    if not conn.closed and not conn.broken:
        return conn
    log.warning("Postgres connection lost, reconnecting")
    conn.close()
    return connect_with_retry()
