"""Postgres persistence for urlwatch (imported by the ZNC module)."""
import os

import psycopg

DSN = os.environ.get("URLWATCH_DSN", "postgresql://znc:znc@db.internal:5432/ircarchive")


def log_link(network, channel, nick, url, title):
    conn = psycopg.connect(DSN, connect_timeout=5)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO links (network, channel, nick, url, title, seen_at)"
                " VALUES (%s, %s, %s, %s, %s, now())",
                (network, channel, nick, url, title),
            )
        conn.commit()
    finally:
        conn.close()


def recent_links(conn, channel, limit=5):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT nick, url, title FROM links WHERE channel = %s"
            " ORDER BY seen_at DESC LIMIT %s",
            (channel, limit),
        )
        return cur.fetchall()
