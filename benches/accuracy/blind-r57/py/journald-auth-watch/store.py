"""Postgres access for auth-watch: one pool for the daemon's lifetime."""
import logging

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("auth-watch.store")


def open_pool(conninfo: str, attempts: int = 6) -> ConnectionPool:
    pool = ConnectionPool(conninfo, min_size=1, max_size=3, open=True,
                          kwargs={"application_name": "auth-watch"})
    for attempt in range(1, attempts + 1):
        try:
            pool.wait(timeout=15.0)
            break
        except PoolTimeout:
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
    else:
        pool.close()
        raise SystemExit("auth-watch: database unreachable, giving up")
    return pool


def load_cursor(pool: ConnectionPool, host: str):
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT journal_cursor FROM watch_state WHERE host = %s", (host,)).fetchone()
    return row[0] if row else None


def record(pool: ConnectionPool, event) -> int:
    """Stores the event and returns the failures from that IP in the last 10 minutes."""
    with pool.connection() as conn:
        with conn.transaction():
            conn.execute(
                "INSERT INTO auth_failures (at, host, service, kind, username, source_ip) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                (event.at, event.host, event.service, event.kind, event.user, event.source_ip),
            )
            conn.execute(
                "INSERT INTO watch_state (host, journal_cursor) VALUES (%s, %s) "
                "ON CONFLICT (host) DO UPDATE SET journal_cursor = EXCLUDED.journal_cursor",
                (event.host, event.cursor),
            )
            if event.source_ip is None:
                return 0
            return conn.execute(
                "SELECT count(*) FROM auth_failures WHERE source_ip = %s "
                "AND at > now() - interval '10 minutes'",
                (event.source_ip,),
            ).fetchone()[0]
