"""Database helpers for the inventory MCP server."""
import os

import psycopg
from psycopg.rows import dict_row

DSN = os.environ.get("INVENTORY_DSN", "postgresql://inventory@localhost:5432/inventory")


def get_conn() -> psycopg.Connection:
    """Open a connection to the inventory database."""
    return psycopg.connect(DSN, row_factory=dict_row, autocommit=True)


LOW_STOCK_SQL = """
    SELECT s.sku, p.name, s.on_hand, s.reorder_point
    FROM stock s JOIN products p ON p.sku = s.sku
    WHERE s.on_hand <= s.reorder_point
    ORDER BY s.on_hand ASC
    LIMIT %s
"""
