import os

import psycopg


def connect():
    """A fresh connection to the focus-analytics database."""
    return psycopg.connect(os.environ["FOCUS_DSN"], autocommit=True, connect_timeout=5)


def ensure_schema():
    with connect() as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS focus_spans ("
            " id bigserial PRIMARY KEY, host text NOT NULL, bundle_id text,"
            " app_name text, started_at timestamptz NOT NULL, seconds integer NOT NULL)"
        )
