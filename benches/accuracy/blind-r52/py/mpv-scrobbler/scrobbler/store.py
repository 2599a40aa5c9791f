"""Database setup. make_pool() is called exactly once, from main()."""
import logging
import os

from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("scrobbler.store")

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://radio@db.internal/radio")


def make_pool(attempts=10):
    pool = ConnectionPool(
        DATABASE_URL,
        min_size=1,
        max_size=3,
        open=False,
        kwargs={"autocommit": True, "application_name": "mpv-scrobbler"},
    )
    pool.open()
    for attempt in range(1, attempts + 1):
        try:
            pool.wait(timeout=10)
            log.info("database ready after %d attempt(s)", attempt)
            return pool
        except PoolTimeout:
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
    pool.close()
    raise SystemExit("could not reach the database, giving up")


def insert_play(pool, station, title, started_at):
    with pool.connection() as conn:
        row = conn.execute(
            "INSERT INTO plays (station, title, started_at) VALUES (%s, %s, %s) RETURNING id",
            (station, title, started_at),
        ).fetchone()
    return row[0]


def finish_play(pool, play_id, ended_at, reason):
    with pool.connection() as conn:
        conn.execute(
            "UPDATE plays SET ended_at = %s, end_reason = %s WHERE id = %s",
            (ended_at, reason, play_id),
        )
