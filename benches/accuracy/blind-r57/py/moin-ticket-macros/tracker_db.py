# -*- coding: utf-8 -*-
"""Shared access to the tracker database for wiki plugins.

One ThreadedConnectionPool per wiki process, created on first use.
"""
import threading

from psycopg2.pool import ThreadedConnectionPool

_lock = threading.Lock()
_pool = None


def get_pool(cfg):
    global _pool
    if _pool is None:
        with _lock:
            if _pool is None:
                _pool = ThreadedConnectionPool(1, cfg.ticket_pool_max, cfg.ticket_dsn)
    return _pool


def fetch_ticket(conn, ticket_id):
    cur = conn.cursor()
    try:
        cur.execute(
            "SELECT id, project, title, state, assignee, opened_at "
            "FROM tickets WHERE id = %s",
            (ticket_id,),
        )
        row = cur.fetchone()
    finally:
        cur.close()
    if row is None:
        return None
    keys = ('id', 'project', 'title', 'state', 'assignee', 'opened_at')
    return dict(zip(keys, row))


def fetch_events(conn, ticket_id):
    cur = conn.cursor()
    try:
        cur.execute(
            "SELECT happened_at, actor, kind, detail "
            "FROM ticket_events WHERE ticket_id = %s ORDER BY happened_at",
            (ticket_id,),
        )
        return cur.fetchall()
    finally:
        cur.close()
