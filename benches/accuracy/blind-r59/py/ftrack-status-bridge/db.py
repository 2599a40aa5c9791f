"""Connection pool for the studio bookkeeping database (shot/status audit)."""
import os

from psycopg2.pool import ThreadedConnectionPool

# Built once when the listener process imports this module.
pool = ThreadedConnectionPool(
    minconn=1,
    maxconn=6,
    dsn=os.environ.get("BRIDGE_DATABASE_URL", "postgresql://bridge@pg-studio/bookkeeping"),
    application_name="ftrack-bridge",
)


def record_status_change(conn, task_id, shot_code, old_status, new_status, user):
    with conn.cursor() as cur:
        cur.execute(
            """
            INSERT INTO status_audit (task_id, shot_code, old_status, new_status, changed_by)
            VALUES (%s, %s, %s, %s, %s)
            """,
            (task_id, shot_code, old_status, new_status, user),
        )
    conn.commit()


def last_changes(shot_code, limit=20):
    """Used by the ops dashboard script; borrows and always returns a connection."""
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT old_status, new_status, changed_by, changed_at FROM status_audit"
                " WHERE shot_code = %s ORDER BY changed_at DESC LIMIT %s",
                (shot_code, limit),
            )
            return cur.fetchall()
    finally:
        pool.putconn(conn)
