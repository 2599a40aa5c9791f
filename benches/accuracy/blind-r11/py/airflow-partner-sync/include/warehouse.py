"""Warehouse access helpers shared by the partner DAGs."""
from __future__ import annotations

import os

import psycopg2
import psycopg2.extras


def get_warehouse_conn():
    """Return a connection to the analytics warehouse."""
    return psycopg2.connect(
        host=os.environ.get("WAREHOUSE_HOST", "warehouse.internal"),
        port=int(os.environ.get("WAREHOUSE_PORT", "5432")),
        dbname=os.environ.get("WAREHOUSE_DB", "analytics"),
        user=os.environ["WAREHOUSE_USER"],
        password=os.environ["WAREHOUSE_PASSWORD"],
        connect_timeout=10,
    )


def rows_as_dicts(cursor) -> list[dict]:
    cols = [c.name for c in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]
