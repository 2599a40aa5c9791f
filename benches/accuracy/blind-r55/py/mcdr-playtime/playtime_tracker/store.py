"""Postgres access for the playtime tracker.

The pool is created once from on_load and closed from on_unload, so a plugin
reload does not leave connections behind.
"""
from typing import List, Optional, Tuple

from psycopg2.pool import ThreadedConnectionPool

_pool: Optional[ThreadedConnectionPool] = None


def init_pool(dsn: str) -> None:
    global _pool
    if _pool is None:
        _pool = ThreadedConnectionPool(1, 4, dsn)


def close_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.closeall()
        _pool = None


def close_session(player: str) -> int:
    """Mark the player's open session as finished and return its length in seconds."""
    conn = _pool.getconn()
    cur = conn.cursor()
    cur.execute(
        "SELECT id FROM sessions WHERE player = %s AND left_at IS NULL "
        "ORDER BY joined_at DESC LIMIT 1",
        (player,),
    )
    row = cur.fetchone()
    if row is None:
        # player joined before the plugin was loaded
        return 0
    cur.execute(
        "UPDATE sessions SET left_at = now() WHERE id = %s "
        "RETURNING EXTRACT(EPOCH FROM left_at - joined_at)::int",
        (row[0],),
    )
    seconds = cur.fetchone()[0]
    conn.commit()
    cur.close()
    _pool.putconn(conn)
    return seconds


def top_players(limit: int) -> List[Tuple[str, int]]:
    conn = _pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT player, SUM(EXTRACT(EPOCH FROM left_at - joined_at))::int AS total "
                "FROM sessions WHERE left_at IS NOT NULL "
                "GROUP BY player ORDER BY total DESC LIMIT %s",
                (limit,),
            )
            return cur.fetchall()
    finally:
        _pool.putconn(conn)


def total_for(player: str) -> int:
    conn = _pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT COALESCE(SUM(EXTRACT(EPOCH FROM left_at - joined_at)), 0)::int "
                "FROM sessions WHERE player = %s AND left_at IS NOT NULL",
                (player,),
            )
            return cur.fetchone()[0]
    finally:
        _pool.putconn(conn)
