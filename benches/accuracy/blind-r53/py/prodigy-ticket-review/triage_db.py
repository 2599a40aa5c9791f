"""Support-ticket triage tables (separate from Prodigy's own dataset tables)."""
import os

import psycopg2
import psycopg2.pool

SUPPORT_DSN = os.environ.get(
    "SUPPORT_DSN", "host=support-db.internal dbname=support user=triage_writer"
)

POOL = psycopg2.pool.ThreadedConnectionPool(1, 4, SUPPORT_DSN)


def record_labels(rows):
    """rows: list of (ticket_id, label, annotator, answer)."""
    conn = POOL.getconn()
    try:
        with conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO ticket_labels (ticket_id, label, annotator, answer, labelled_at) "
                "VALUES (%s, %s, %s, %s, now()) "
                "ON CONFLICT (ticket_id, annotator) DO UPDATE SET label = EXCLUDED.label, "
                "answer = EXCLUDED.answer, labelled_at = now()",
                rows,
            )
    finally:
        POOL.putconn(conn)


def label_counts():
    conn = POOL.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT label, count(*) FROM ticket_labels GROUP BY label")
            return dict(cur.fetchall())
    finally:
        POOL.putconn(conn)
