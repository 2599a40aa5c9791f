"""Audit trail writes (billing.audit_events)."""
import json
import os

import psycopg2.pool

_pool = psycopg2.pool.SimpleConnectionPool(
    1,
    4,
    dsn=os.environ.get("BILLING_DSN", "dbname=billing user=billing host=pg.internal"),
    application_name="invoice-audit",
)


def record(event, invoice_id, detail=None):
    conn = _pool.getconn()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO audit_events (event, invoice_id, detail) VALUES (%s, %s, %s)",
                (event, invoice_id, json.dumps(detail or {})),
            )
    finally:
        _pool.putconn(conn)


def recent(invoice_id, limit=20):
    conn = _pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT event, detail, created_at FROM audit_events "
                "WHERE invoice_id = %s ORDER BY created_at DESC LIMIT %s",
                (invoice_id, limit),
            )
            return cur.fetchall()
    finally:
        _pool.putconn(conn)
